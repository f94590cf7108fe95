// What an input is, told by its content rather than its name: a file called .html may hold anything.
export type InputKind = 'gzip' | 'warc' | 'feed' | 'json-feed' | 'html' | 'text';

export function sniff(bytes: Uint8Array): InputKind {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (head.startsWith('WARC/')) return 'warc';
  if (head.startsWith('{') && /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head)) return 'json-feed';
  const lower = head.toLowerCase();
  const body = lower.replace(/^<\?xml[^>]*>\s*/, '').replace(/^(?:<!--[\s\S]*?-->\s*|<\?xml-stylesheet[^>]*>\s*)*/, '');
  if (/^<(?:rss|feed|rdf:rdf)[\s>]/.test(body)) return 'feed';
  if (/^<!doctype html|^<html[\s>]|^<head[\s>]|^<body[\s>]/.test(body)) return 'html';
  // a fragment without the frame still counts when it opens with markup and has typical elements
  if (body.startsWith('<') && /<(?:p|div|article|meta|title|h1|a|span|br)[\s>/]/.test(lower)) return 'html';
  return 'text';
}
