// Fetching a page for analysis: a timeout, a size cap, a redirect cap, a User-Agent that says who we are,
// and no requests to loopback, private or link-local addresses unless the user allows them. The address is
// checked after DNS resolution, on the very address the socket connects to, and again on every redirect.
import http from 'node:http';
import https from 'node:https';
import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { createGunzip, createInflate, createBrotliDecompress } from 'node:zlib';
import { InputError } from '../errors.ts';
import { MAX_INPUT_BYTES, MAX_INPUT_MB } from './limits.ts';

export const USER_AGENT = 'Wirewatch/0.1 (news analysis; +https://www.npmjs.com/package/wirewatch)';

export interface FetchOptions {
  allowPrivate?: boolean;
  timeoutMs?: number;
  maxRedirects?: number;
  maxBytes?: number;
}

export interface Fetched { bytes: Buffer; url: string; contentType?: string; fetchedAt: string; lastModified?: string }

const PRIVATE = new BlockList();
for (const [net, prefix] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) {
  PRIVATE.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) PRIVATE.addSubnet(net, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
    return PRIVATE.check(address, 'ipv6');
  }
  return family === 4 ? PRIVATE.check(address, 'ipv4') : true;
}

export function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<Fetched> {
  const maxRedirects = opts.maxRedirects ?? 5;
  let current = url;
  const seen = new Set<string>();
  for (let hop = 0; ; hop++) {
    let parsed: URL;
    try { parsed = new URL(current); } catch { throw new InputError(url, `not a valid URL: ${current}`); }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new InputError(url, `unsupported URL scheme ${parsed.protocol}`);
    const res = await request(parsed, url, opts);
    if (res.status >= 300 && res.status < 400 && res.location) {
      res.discard();
      if (hop >= maxRedirects) throw new InputError(url, `too many redirects (more than ${maxRedirects})`);
      const next = new URL(res.location, parsed).href;
      if (seen.has(next)) throw new InputError(url, `redirect loop (${next} again)`);
      seen.add(current);
      current = next;
      continue;
    }
    if (res.status < 200 || res.status >= 300) { res.discard(); throw new InputError(url, `HTTP ${res.status}`); }
    const bytes = await res.body();
    return { bytes, url: current, contentType: res.contentType, fetchedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), lastModified: res.lastModified };
  }
}

interface Response { status: number; location?: string; contentType?: string; lastModified?: string; body(): Promise<Buffer>; discard(): void }

function request(u: URL, input: string, opts: FetchOptions): Promise<Response> {
  const timeoutMs = opts.timeoutMs ?? 20_000;
  const maxBytes = opts.maxBytes ?? MAX_INPUT_BYTES;
  const lib = u.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    let timedOut = false;
    const host = u.hostname.replace(/^\[|\]$/g, '');
    // an address written in the URL is never looked up, so it is checked here
    if (isIP(host) && !opts.allowPrivate && isPrivateAddress(host)) {
      return reject(new InputError(input, `refused: ${host} is a private address; use --allow-private to permit it`));
    }
    const fail = (e: Error) => { if (!settled) { settled = true; clearTimeout(timer); reject(e); } else req.destroy(); };
    const timer = setTimeout(() => { timedOut = true; req.destroy(); fail(new InputError(input, `timed out after ${timeoutMs / 1000} s (${u.host})`)); }, timeoutMs);
    const req = lib.get(u, {
      headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5', 'accept-encoding': 'gzip, deflate, br' },
      // Node may ask for all addresses (happy eyeballs); every one handed back must be public
      lookup: ((host: string, options: { all?: boolean }, cb: (...a: unknown[]) => void) => {
        dnsLookup(host, { ...options, all: true }, (err, addresses) => {
          if (err) return cb(err);
          const refused = opts.allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
          if (refused) {
            return cb(Object.assign(new Error(`refused: ${host} resolves to a private address (${refused.address}); use --allow-private to permit it`), { code: 'EPRIVATE' }));
          }
          if (options.all) cb(null, addresses);
          else cb(null, addresses[0].address, addresses[0].family);
        });
      }) as unknown as typeof dnsLookup,
    }, (res) => {
      const status = res.statusCode ?? 0;
      const enc = String(res.headers['content-encoding'] ?? '').toLowerCase();
      const stream = enc === 'gzip' ? res.pipe(createGunzip()) : enc === 'deflate' ? res.pipe(createInflate()) : enc === 'br' ? res.pipe(createBrotliDecompress()) : res;
      settled = true;
      resolve({
        status,
        location: res.headers.location,
        contentType: res.headers['content-type'],
        lastModified: res.headers['last-modified'],
        discard: () => { clearTimeout(timer); res.resume(); req.destroy(); },
        body: () => new Promise<Buffer>((ok, ko) => {
          const chunks: Buffer[] = [];
          let total = 0;
          const declared = Number(res.headers['content-length'] ?? 0);
          if (declared > maxBytes) { clearTimeout(timer); req.destroy(); return ko(new InputError(input, `too large: ${(declared / 1048576).toFixed(1)} MB (limit ${MAX_INPUT_MB} MB)`)); }
          stream.on('data', (c: Buffer) => {
            total += c.length;
            if (total > maxBytes) { clearTimeout(timer); req.destroy(); ko(new InputError(input, `too large: more than ${MAX_INPUT_MB} MB`)); return; }
            chunks.push(c);
          });
          stream.on('end', () => { clearTimeout(timer); ok(Buffer.concat(chunks)); });
          stream.on('error', (e: Error) => { clearTimeout(timer); ko(new InputError(input, timedOut ? `timed out after ${timeoutMs / 1000} s (${u.host})` : `download failed: ${e.message}`)); });
          // the timer keeps running while the body streams: a server that trickles bytes times out too
          let ended = false;
          res.on('end', () => { ended = true; });
          res.on('close', () => { if (!ended) ko(new InputError(input, timedOut ? `timed out after ${timeoutMs / 1000} s (${u.host})` : 'connection closed before the page was complete')); });
        }),
      });
    });
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPRIVATE') return fail(new InputError(input, e.message));
      fail(new InputError(input, `cannot fetch ${u.host}: ${e.code ?? e.message}`));
    });
  });
}
