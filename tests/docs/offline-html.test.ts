// The built pages carry nothing that loads from the network: no external script, stylesheet, image, font or
// Markdown image, and not the CDN logo Redoc's sidebar footer would fetch. Also checks the helpers that ensure it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CDN_LOGOS, externalReferencesIn, inlineCdnLogos } from '../../scripts/docs/offline-html.mjs';
import { apiNames, repoRoot } from '../support/bundles.js';

const pages = ['index.html', ...apiNames.map((api) => `${api}.html`)];

describe.each(pages)('generated/docs/%s', (page) => {
  const html = readFileSync(path.join(repoRoot, 'generated', 'docs', page), 'utf8');

  it('references no external script, stylesheet, image, font or Markdown image', () => {
    expect(externalReferencesIn(html)).toEqual([]);
  });

  it('loads no script from a file: every <script> is inline', () => {
    expect(html.match(/<script\b[^>]*\bsrc\s*=/gi) ?? []).toEqual([]);
  });
});

describe('inlineCdnLogos', () => {
  const [full, mini] = Object.keys(CDN_LOGOS) as [string, string];

  it('replaces each CDN logo with an inline SVG', () => {
    const out = inlineCdnLogos(`src:e?\`${full}\`:\`${mini}\``, 'page.html');
    expect(out).not.toContain('cdn.redoc.ly');
    expect(out.match(/data:image\/svg\+xml,/g)).toHaveLength(2);
  });

  it('keeps the replacement safe inside a JavaScript template literal', () => {
    for (const replacement of Object.values(CDN_LOGOS)) expect(replacement).not.toMatch(/[`$\\]/);
  });

  it('fails, naming the URL, when the renderer no longer references a logo', () => {
    expect(() => inlineCdnLogos(`src:\`${full}\``, 'page.html')).toThrow(mini);
  });
});

describe('externalReferencesIn', () => {
  it.each([
    ['<script type="module" src="https://cdn.example/redoc.js"></script>', 'https://cdn.example/redoc.js'],
    ['<link rel="stylesheet" href="https://fonts.example/css">', 'https://fonts.example/css'],
    ['<img alt="logo" src="http://img.example/logo.png">', 'http://img.example/logo.png'],
    ['@font-face{src:url("https://fonts.example/a.woff2")}', 'https://fonts.example/a.woff2'],
    ['@import "https://css.example/base.css";', 'https://css.example/base.css'],
    ['"description": "![diagram](https://img.example/flow.svg)"', 'https://img.example/flow.svg'],
  ])('finds %s', (markup, url) => {
    expect(externalReferencesIn(markup)).toEqual([url]);
  });

  it('ignores links a reader may follow and data: URLs', () => {
    expect(
      externalReferencesIn('<a href="https://api.example/docs">docs</a> <img src="data:image/svg+xml,x">'),
    ).toEqual([]);
  });
});
