// WARC (ISO 28500) records: version line, headers, a blank line, Content-Length bytes of block, CRLF CRLF.
// Only `response` records carrying an HTML page are articles; a truncated record is reported by number
// and the records before it still count.
export interface WarcPage { targetUri?: string; date?: string; httpHeaders: Record<string, string>; body: Buffer; record: number }
export interface WarcProblem { record: number; problem: string }

export function* readWarc(data: Buffer): Generator<WarcPage | WarcProblem> {
  let pos = 0;
  let record = 0;
  while (pos < data.length) {
    // tolerate stray blank lines between records
    while (pos < data.length && (data[pos] === 0x0d || data[pos] === 0x0a)) pos++;
    if (pos >= data.length) return;
    record++;
    const headEnd = data.indexOf('\r\n\r\n', pos, 'latin1');
    if (headEnd < 0) { yield { record, problem: 'truncated record (headers never end)' }; return; }
    const lines = data.subarray(pos, headEnd).toString('utf8').split('\r\n');
    if (!/^WARC\/\d/.test(lines[0])) { yield { record, problem: `not a WARC record (starts "${lines[0].slice(0, 30)}")` }; return; }
    const h = headers(lines.slice(1));
    const length = Number(h['content-length']);
    if (!Number.isFinite(length) || length < 0) { yield { record, problem: 'no valid Content-Length' }; return; }
    const start = headEnd + 4;
    if (start + length > data.length) { yield { record, problem: `truncated record (${data.length - start} of ${length} bytes)` }; return; }
    const block = data.subarray(start, start + length);
    pos = start + length;
    if (h['warc-type'] !== 'response' || !/application\/http/i.test(h['content-type'] ?? 'application/http')) continue;
    const split = block.indexOf('\r\n\r\n', 0, 'latin1');
    if (split < 0) { yield { record, problem: 'response record without HTTP headers' }; continue; }
    const httpLines = block.subarray(0, split).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/[\d.]+\s+(\d{3})/.exec(httpLines[0])?.[1]);
    const httpHeaders = headers(httpLines.slice(1));
    if (status < 200 || status >= 300) continue;
    if (!/html/i.test(httpHeaders['content-type'] ?? '')) continue;
    yield { targetUri: h['warc-target-uri']?.replace(/^<|>$/g, ''), date: h['warc-date'], httpHeaders, body: block.subarray(split + 4), record };
  }
}

function headers(lines: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const l of lines) {
    const i = l.indexOf(':');
    if (i > 0) out[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  return out;
}
