// A news page with everything a real one carries around its article, shared by the HTML tests.
export const para = (s: string) => `<p>${s}</p>`;
export const BODY = [
  'Russian President Vladimir Putin said on Monday that Moscow was open to contacts with Washington, according to the Kremlin.',
  'Kremlin spokesman Dmitry Peskov told reporters that &ldquo;no date has been set&rdquo; for a phone call between the two leaders &amp; their aides.',
  'The talks would cover the war in Ukraine and a possible ceasefire, officials in both capitals said, adding that preparations were under way.',
  'Analysts in Moscow said the remarks signalled a cautious shift in tone after months of sharp exchanges between the two governments.',
];

export const NEWS_PAGE = `<!doctype html><html lang="en-GB"><head><meta charset="utf-8">
<title>Kremlin open to contact | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-03-31T09:15:00+03:00">
<meta property="article:section" content="World">
<link rel="canonical" href="https://news.example/world/2025/03/31/kremlin-open">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Kremlin open to contact with Washington","datePublished":"2025-03-31T09:15:00+03:00","dateModified":"2025-03-31T11:00:00+03:00","author":[{"@type":"Person","name":"Jane Roe"}]}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Kremlin open to contact with Washington</h1>
<div class="byline">By Jane Roe</div><time datetime="2025-03-31T09:15:00+03:00">31 March 2025</time>
<figure><img src="a.jpg"><figcaption>Vladimir Putin in Moscow. Photo: Reuters</figcaption></figure>
${para(BODY[0])}${para(BODY[1])}
<div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
<h2>Ceasefire talks</h2>
${para(BODY[2])}
<div class="newsletter-signup"><p>Sign up for our daily briefing and get the news in your inbox every morning.</p></div>
${para(BODY[3])}
<div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Putin and Trump discuss prisoner swap deal</a></li><li><a href="/b">EU weighs new sanctions package on Moscow</a></li></ul></div>
</article>
<div id="comments"><p>42 comments. Join the discussion below and tell us what you think.</p></div>
<footer>© Example News 2025. All rights reserved.</footer>
</body></html>`;

