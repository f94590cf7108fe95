// The article-extraction benchmark's metric (its README, "The metric"): 4-word shingles as multisets,
// per-page TP/FP/FN normalised to sum 1, macro precision over non-empty predictions, macro recall over
// non-empty truths, F1 of the two.
const WORD = /[\p{L}\p{N}_]+/gu;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(WORD) ?? [];
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  const n = Math.max(1, tokens.length - 3);
  for (let i = 0; i < n; i++) {
    const k = tokens.slice(i, i + 4).join(' ');
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
}

export interface PageScore { precision?: number; recall?: number; exact: boolean }

export function scorePage(predicted: string, truth: string): PageScore {
  const p = shingles(predicted), t = shingles(truth);
  let tp = 0, fp = 0, fn = 0;
  for (const [k, c] of p) { const u = t.get(k) ?? 0; tp += Math.min(c, u); fp += Math.max(0, c - u); }
  for (const [k, c] of t) fn += Math.max(0, c - (p.get(k) ?? 0));
  const exact = (predicted.match(WORD) ?? []).join(' ') === (truth.match(WORD) ?? []).join(' ');
  if (fp === 0 && fn === 0) return { precision: p.size ? 1 : undefined, recall: t.size ? 1 : undefined, exact };
  const s = tp + fp + fn;
  return {
    precision: p.size ? (tp / s) / ((tp + fp) / s) : undefined,
    recall: t.size ? (tp / s) / ((tp + fn) / s) : undefined,
    exact,
  };
}

export function macro(scores: PageScore[]): { precision: number; recall: number; f1: number; accuracy: number } {
  const ps = scores.map((s) => s.precision).filter((x): x is number => x !== undefined);
  const rs = scores.map((s) => s.recall).filter((x): x is number => x !== undefined);
  const precision = ps.reduce((a, b) => a + b, 0) / (ps.length || 1);
  const recall = rs.reduce((a, b) => a + b, 0) / (rs.length || 1);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, accuracy: scores.filter((s) => s.exact).length / (scores.length || 1) };
}
