// Longest-match lookup of multi-word phrases over the token layer (gazetteers, titles, cue phrases).
export class TokenTrie<V> {
  private readonly root: TrieNode<V> = { next: new Map() };

  constructor(private readonly fold: (token: string) => string = (t) => t) {}

  add(tokens: string[], value: V): void {
    let node = this.root;
    for (const t of tokens) {
      const key = this.fold(t);
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map() }));
      node = child;
    }
    (node.values ??= []).push(value);
  }

  /** Longest phrase starting at `from`; returns its last token index and values. */
  match(tokens: readonly { text: string }[], from: number, limit = tokens.length): { end: number; values: V[] } | undefined {
    let node: TrieNode<V> | undefined = this.root;
    let best: { end: number; values: V[] } | undefined;
    for (let i = from; i < limit && node; i++) {
      node = node.next.get(this.fold(tokens[i].text));
      if (node?.values) best = { end: i, values: node.values };
    }
    return best;
  }
}

interface TrieNode<V> { next: Map<string, TrieNode<V>>; values?: V[] }

const WORD = /(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}]*(?:[-'’]\p{L}[\p{L}\p{M}]*)*\.?|\d+(?:[.,]\d+)*|\S/gu;

/** Split a dictionary phrase the way the tokenizer splits running text. */
export function phraseTokens(phrase: string): string[] {
  const out: string[] = [];
  for (const m of phrase.matchAll(WORD)) {
    const t = m[0];
    // the tokenizer keeps "Sen." apart from its period only when the period ends a sentence; a phrase's
    // trailing period is part of an abbreviation, so try it as one token
    if (t.endsWith('.') && !/^(?:\p{Lu}\.){2,}$/u.test(t)) out.push(t.slice(0, -1), '.');
    else out.push(t);
  }
  return out;
}
