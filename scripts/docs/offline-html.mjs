// Makes a page that `redocly build-docs --inlineBundle` wrote fetch nothing from the network, and checks it.
//
// `--inlineBundle` embeds the renderer, but Redoc's sidebar footer ("API docs by Redocly") still loads its logo
// from cdn.redoc.ly once the page is hydrated, and no option turns that footer off. The two image URLs are
// replaced by inline SVG wordmarks, so the attribution stays and the browser makes no request.

export const CDN_LOGOS = {
  'https://cdn.redoc.ly/redoc/logo-mini-full.svg': wordmark('Redocly', 58),
  'https://cdn.redoc.ly/redoc/logo-mini.svg': wordmark('R', 10),
};

function wordmark(text, width) {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="14" viewBox="0 0 ${width} 14">` +
    `<text x="0" y="11" font-family="sans-serif" font-size="11" font-weight="600" fill="#0044d4">${text}</text></svg>`;
  // Percent-encoded: the URL lands inside a JavaScript template literal, where ` and ${ would break it.
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** The page with the CDN logos inlined. Fails when the renderer no longer contains them (Redoc changed). */
export function inlineCdnLogos(html, page) {
  let out = html;
  for (const [url, replacement] of Object.entries(CDN_LOGOS)) {
    if (!out.includes(url)) {
      throw new Error(
        `${page}: the renderer no longer references ${url}; Redoc changed: check what it loads now ` +
          '(npx vitest run --project docs) and update scripts/docs/offline-html.mjs',
      );
    }
    out = out.split(url).join(replacement);
  }
  return out;
}

/**
 * External resources the markup itself loads: `<script src>`, `<link href>` (stylesheets, icons, preloads),
 * `<img src>`, CSS `url(...)` / `@import` and Markdown images pointing at http(s). The browser test is the final
 * check (it sees what scripts fetch at run time); this one fails the build early and names the reference.
 */
export function externalReferencesIn(html) {
  const patterns = [
    /<script\b[^>]*\bsrc\s*=\s*["']?(https?:\/\/[^"'\s>]+)/gi,
    /<link\b[^>]*\bhref\s*=\s*["']?(https?:\/\/[^"'\s>]+)/gi,
    /<img\b[^>]*\bsrc\s*=\s*["']?(https?:\/\/[^"'\s>]+)/gi,
    /url\(\s*["']?(https?:\/\/[^"')\s]+)/gi,
    /@import\s+["'](https?:\/\/[^"']+)/gi,
    // A Markdown image in a description: Redoc renders it (lazily, so the browser test might not reach it).
    /!\[[^\]]*\]\(\s*<?(https?:\/\/[^)\s>]+)/g,
  ];
  const found = new Set();
  for (const pattern of patterns) for (const match of html.matchAll(pattern)) found.add(match[1]);
  for (const url of Object.keys(CDN_LOGOS)) if (html.includes(url)) found.add(url);
  return [...found];
}
