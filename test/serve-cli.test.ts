import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { cli, REPO, tmpDir } from './fixtures.ts';

describe('wirewatch serve', () => {
  it('serves a database on loopback, says where, and stops on SIGTERM', async () => {
    const db = join(tmpDir(), 'cli.db');
    assert.equal(cli(['ingest', 'examples', '--db', db]).code, 0);
    const child = spawn(process.execPath, [join(REPO, 'bin', 'wirewatch.js'), 'serve', '--db', db, '--port', '0'], {
      cwd: REPO, env: { ...process.env, WIREWATCH_TOKEN: 'secret-token-value' },
    });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      while (!/\n/.test(out)) {
        const [chunk] = await Promise.race([once(child.stdout, 'data'), once(child, 'exit').then(() => { throw new Error(`exited: ${out}`); })]);
        out += chunk as string;
      }
      const url = /at (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      assert.ok(url, out);
      assert.match(out, /writes need the token/);
      assert.ok(!out.includes('secret-token-value'), 'the token is never printed');
      const res = await fetch(`${url}/api/events?limit=1`);
      assert.equal(res.status, 200);
      assert.equal(((await res.json()) as { items: unknown[] }).items.length, 1);
      assert.equal((await fetch(`${url}/openapi.json`)).status, 200);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    assert.ok(code === 0 || code === null);
  });

  it('says which option is wrong, with exit code 2', () => {
    const r = cli(['serve', '--port', '99999', '--db', join(tmpDir(), 'x.db')]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^wirewatch: --port: not a port number: "99999"$/m);
  });
});
