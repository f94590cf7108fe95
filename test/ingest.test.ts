import assert from 'node:assert/strict';
import { closeSync, mkdirSync, openSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { InputError } from '../src/errors.ts';
import { analyzeInput, listInputs, MAX_INPUT_BYTES, parsePublished, readInput, readSidecar } from '../src/ingest/index.ts';
import { cli, tmpDir } from './fixtures.ts';

const ARTICLE = 'Kremlin spokesman Dmitry Peskov said on Monday, "The president remains open to contact."\n';

/** A fresh temporary folder and a function writing files into it, returning each file's path. */
function scratch() {
  const dir = tmpDir();
  const write = (name: string, content: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, content);
    return p;
  };
  return { dir, write };
}

function inputError(input: string, problem: RegExp) {
  return (e: unknown) => e instanceof InputError && e.input === input && problem.test(e.problem);
}

describe('readInput', () => {
  const { dir, write: file } = scratch();

  it('reads a UTF-8 file and records its path', () => {
    const p = file('ok.txt', `Zelensky – “quoted” ${ARTICLE}`);
    assert.deepEqual(readInput(p), { raw: `Zelensky – “quoted” ${ARTICLE}`, uri: p });
  });

  it('strips a UTF-8 byte order mark', () => {
    const p = file('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE)]));
    assert.equal(readInput(p).raw, ARTICLE);
  });

  it('rejects each unusable input with one InputError naming it', () => {
    const cases: [string, string | Buffer, RegExp][] = [
      ['empty.txt', '', /^empty input/],
      ['blank.txt', ' \n\t\r\n  \n', /^empty input \(only whitespace\)/],
      ['nul.txt', Buffer.from('text\0with a NUL'), /^binary content \(NUL bytes\), not text/],
      ['png.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), /^binary content \(NUL bytes\), not text/],
      ['control.txt', Buffer.from('\x1b\x02\x03\x04\x05\x06abc'), /^binary content \(6 control bytes in 9\), not text/],
      ['latin1.txt', Buffer.from('caf\xe9 au lait', 'latin1'), /^not UTF-8 text \(invalid byte sequence at byte 3\)/],
      ['utf16.txt', Buffer.from('\ufeffhello', 'utf16le'), /^UTF-16 text is not supported/],
    ];
    for (const [name, content, problem] of cases) {
      const p = file(name, content);
      assert.throws(() => readInput(p), inputError(p, problem), name);
    }
  });

  it('rejects a missing file and a directory', () => {
    const missing = join(dir, 'nope.txt');
    assert.throws(() => readInput(missing), inputError(missing, /^no such file/));
    assert.throws(() => readInput(dir), inputError(dir, /^is a directory/));
  });

  it('rejects a file over 20 MB by its size, without reading it', () => {
    const p = join(dir, 'huge.txt');
    closeSync(openSync(p, 'w'));
    truncateSync(p, MAX_INPUT_BYTES + 1); // sparse: no disk used, and all NULs if it were read
    try {
      assert.throws(() => readInput(p), inputError(p, /^too large: 20\.1 MB \(limit 20 MB\)/));
    } finally {
      rmSync(p);
    }
    assert.equal(MAX_INPUT_BYTES, 20 * 1024 * 1024);
  });

  it('accepts a file of exactly 20 MB', () => {
    const p = file('limit.txt', Buffer.alloc(MAX_INPUT_BYTES, 'a'));
    try {
      assert.equal(readInput(p).raw.length, MAX_INPUT_BYTES);
    } finally {
      rmSync(p);
    }
  });
});

describe('listInputs', () => {
  const dir = tmpDir();
  for (const f of ['b.txt', 'a.md', 'README', 'c.text', 'skip.json', 'skip.png', '.hidden.txt', 'sub/z.txt', 'sub/y.TXT',
    '.git/x.txt', 'sub/deeper/w.txt', 'a.meta.json']) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), ARTICLE);
  }

  it('expands folders recursively, sorted, text files only, dotfiles skipped', () => {
    assert.deepEqual(listInputs([dir]).map((p) => p.slice(dir.length + 1)),
      ['README', 'a.md', 'b.txt', 'c.text', 'sub/deeper/w.txt', 'sub/y.TXT', 'sub/z.txt']);
  });

  it('takes a file named explicitly whatever its extension, and passes missing paths and - through', () => {
    const html = join(dir, 'skip.png');
    assert.deepEqual(listInputs([html, join(dir, 'missing.txt'), '-']), [html, join(dir, 'missing.txt'), '-']);
  });
});

describe('parsePublished', () => {
  it('accepts real calendar dates and date-times with an offset, unchanged', () => {
    for (const s of ['2025-03-31', '2024-02-29', '2000-02-29', '2025-03-31T10:00:00+03:00', '2025-03-31T10:00Z',
      '2025-03-31T23:59:59.123-05:30', '2025-03-31T10:00:00Z']) {
      assert.equal(parsePublished(s), s);
    }
  });

  it('rejects anything else with the exact message', () => {
    for (const s of ['', 'yesterday', '31/03/2025', '2025-3-31', '2025-02-29', '1900-02-29', '2025-04-31', '2025-13-01',
      '2025-00-10', '2025-03-31T10:00:00', '2025-03-31 10:00:00Z', '2025-03-31T24:00Z', '2025-03-31T10:60Z', '2025-03-31T10:00+3',
      ' 2025-03-31', '2025-03-31\n']) {
      assert.throws(() => parsePublished(s), (e: unknown) => e instanceof InputError && e.message ===
        `--published: not a date: "${s}" (expected YYYY-MM-DD or ISO date-time with offset)`, JSON.stringify(s));
    }
  });
});

describe('sidecar metadata', () => {
  const dir = tmpDir();
  const article = join(dir, 'story.txt');
  writeFileSync(article, ARTICLE);

  it('reads story.meta.json, and command-line metadata overrides it', () => {
    writeFileSync(join(dir, 'story.meta.json'), JSON.stringify({ published: '2025-03-31', url: 'https://example.com/s' }));
    assert.deepEqual(readSidecar(article), { published: '2025-03-31', url: 'https://example.com/s' });
    const fromSidecar = analyzeInput(article).meta;
    assert.deepEqual([fromSidecar.published, fromSidecar.url], ['2025-03-31', 'https://example.com/s']);
    const overridden = analyzeInput(article, { published: '2025-04-01', url: undefined }).meta;
    assert.deepEqual([overridden.published, overridden.url], ['2025-04-01', 'https://example.com/s']);
    rmSync(join(dir, 'story.meta.json'));
    assert.deepEqual(readSidecar(article), {});
  });

  it('also reads story.txt.meta.json', () => {
    writeFileSync(`${article}.meta.json`, '{"published":"2025-01-02"}');
    assert.deepEqual(readSidecar(article), { published: '2025-01-02' });
    rmSync(`${article}.meta.json`);
  });

  it('reports a broken sidecar by its own name', () => {
    const side = join(dir, 'story.meta.json');
    for (const [content, problem] of [
      ['{ published: 2025 }', /^not valid JSON/],
      ['{"publised":"2025-03-31"}', /^bad metadata: .*publised/],
      ['{"published":20250331}', /^bad metadata: "published"/],
    ] as const) {
      writeFileSync(side, content);
      assert.throws(() => readSidecar(article), inputError(side, problem), content);
    }
    writeFileSync(side, '{"published":"March 31"}');
    assert.throws(() => readSidecar(article), inputError(`${side}: published`, /^not a date: "March 31"/));
    rmSync(side);
  });
});

// The same checks seen from the command line: exit status 2 and one stderr line naming input and problem.
describe('analyze rejects bad input (CLI)', () => {
  const { dir, write } = scratch();
  const expectRejected = (args: string[], line: RegExp, input?: string | Buffer) => {
    const r = cli(args, { input });
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, line);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line, got: ${r.stderr}`);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  };

  it('empty file', () => {
    const p = write('empty.txt', '');
    expectRejected(['analyze', p], new RegExp(`^wirewatch: ${p}: empty input`));
  });

  it('whitespace-only file', () => {
    const p = write('blank.txt', '\n \n');
    expectRejected(['analyze', p], new RegExp(`^wirewatch: ${p}: empty input \\(only whitespace\\)`));
  });

  it('binary file', () => {
    const p = write('image.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]));
    expectRejected(['analyze', p], new RegExp(`^wirewatch: ${p}: binary content \\(NUL bytes\\), not text`));
  });

  it('invalid UTF-8', () => {
    const p = write('latin1.txt', Buffer.from('Caf\xe9 talks in Gen\xe8ve', 'latin1'));
    expectRejected(['analyze', p], new RegExp(`^wirewatch: ${p}: not UTF-8 text`));
  });

  it('oversized file', () => {
    const p = join(dir, 'huge.txt');
    closeSync(openSync(p, 'w'));
    truncateSync(p, MAX_INPUT_BYTES + 1024 * 1024);
    try {
      expectRejected(['analyze', p], new RegExp(`^wirewatch: ${p}: too large: 21\\.0 MB \\(limit 20 MB\\)`));
    } finally {
      rmSync(p);
    }
  });

  it('oversized stdin stops at the cap', () => {
    expectRejected(['analyze', '-'], /^wirewatch: stdin: too large: more than 20 MB \(limit 20 MB\)/,
      Buffer.alloc(MAX_INPUT_BYTES + 65536, 'a'));
  });

  it('empty stdin', () => {
    expectRejected(['analyze', '-'], /^wirewatch: stdin: empty input/, '');
  });

  it('missing file', () => {
    const p = join(dir, 'missing.txt');
    expectRejected(['analyze', p], new RegExp(`^wirewatch: ${p}: no such file or directory$`, 'm'));
  });

  it('a directory', () => {
    expectRejected(['analyze', dir], new RegExp(`^wirewatch: ${dir}: is a directory \\(expected a file\\)`));
  });

  it('unparseable --published', () => {
    const p = write('ok.txt', ARTICLE);
    expectRejected(['analyze', p, '--published', 'last Tuesday'],
      /^wirewatch: --published: not a date: "last Tuesday" \(expected YYYY-MM-DD or ISO date-time with offset\)$/m);
  });
});
