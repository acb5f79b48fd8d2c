/**
 * The add-in's identity and addresses, shared by webpack.config.js and its tests.
 *
 * Two add-ins, so both can be side-loaded side by side in one Excel:
 *   - development: manifest.xml in the repository root, Id DEV_ADDIN_ID, served by `npm start`
 *     at DEV_URL;
 *   - production: dist/manifest.xml, written by `npm run build` from the root manifest with the
 *     Id PRODUCTION_ADDIN_ID and every DEV_URL address replaced by ADDIN_PUBLIC_URL.
 * PRODUCTION_ADDIN_ID must never change: Office knows a published or centrally deployed add-in
 * by it, and a new Id would install as a second add-in beside the old one.
 */
'use strict';

/** The development server (`npm start`); the root manifest points only here. */
const DEV_URL = 'https://localhost:3000/';

/** The root (development) manifest's <Id>. */
const DEV_ADDIN_ID = 'd2a15897-6e74-4c35-8f93-10304874a7ea';

/** The production manifest's <Id> (dist/manifest.xml). Stable: see the header. */
const PRODUCTION_ADDIN_ID = 'c3562627-7136-418e-886e-9d7fa9b61e7c';

/** The environment variable naming where the production add-in is served from. */
const PUBLIC_URL_VARIABLE = 'ADDIN_PUBLIC_URL';

/** A build setting that is missing or wrong; its message is one line meant for the person building. */
class AddinConfigError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AddinConfigError';
  }
}

const EXAMPLE = `${PUBLIC_URL_VARIABLE}=https://budgetkoll.kommun.se/ npm run build`;

/**
 * The address the production add-in is served from, always ending in "/". Throws an
 * AddinConfigError when `raw` (the value of ADDIN_PUBLIC_URL) is unset, empty, not an absolute
 * https URL, carries a query or fragment, or is the development server.
 */
function resolvePublicUrl(raw) {
  const value = typeof raw === 'string' ? raw.trim() : '';
  if (value === '') {
    throw new AddinConfigError(
      `${PUBLIC_URL_VARIABLE} saknas: ange tilläggets publika https-adress, t.ex. ${EXAMPLE} ` +
        `(set ${PUBLIC_URL_VARIABLE} to the add-in's public https address).`,
    );
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new AddinConfigError(
      `${PUBLIC_URL_VARIABLE} är ingen giltig adress: "${value}"; ange t.ex. ${EXAMPLE} (not a valid URL).`,
    );
  }
  if (url.protocol !== 'https:') {
    throw new AddinConfigError(
      `${PUBLIC_URL_VARIABLE} måste börja med https:// (Office kräver HTTPS): "${value}" (must be an https URL).`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new AddinConfigError(
      `${PUBLIC_URL_VARIABLE} får inte ha frågedel eller #: "${value}" (no query or fragment).`,
    );
  }
  if (url.origin === new URL(DEV_URL).origin) {
    throw new AddinConfigError(
      `${PUBLIC_URL_VARIABLE} pekar på utvecklingsservern ${DEV_URL}; använd manifest.xml i projektets rot för den (points at the development server).`,
    );
  }
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Replaces the root manifest's leading comment, which speaks of the development add-in. */
const PRODUCTION_COMMENT = `<!--
  Budgetkoll – Excel task pane add-in, production manifest. Written by \`npm run build\` from the
  development manifest (manifest.xml in the source repository): edit that one, not this file.
-->`;

function count(text, part) {
  return text.split(part).length - 1;
}

/**
 * The production manifest: the root manifest's text with its leading comment replaced by one
 * saying it is generated, the development Id by PRODUCTION_ADDIN_ID and every development address
 * by `publicUrl` (the AppDomain, an origin without a path, by the public origin). Throws when the
 * root manifest no longer has the development Id exactly once, or when a development address
 * would survive the rewrite.
 */
function productionManifest(content, publicUrl) {
  const text = content.toString();
  const target = resolvePublicUrl(publicUrl);
  const origin = new URL(target).origin;
  const devId = `<Id>${DEV_ADDIN_ID}</Id>`;
  if (count(text, devId) !== 1) {
    throw new AddinConfigError(`manifest.xml: expected ${devId} exactly once (scripts/addin-config.js DEV_ADDIN_ID).`);
  }
  const rewritten = text
    .replace(/<!--[\s\S]*?-->/, PRODUCTION_COMMENT)
    .replace(devId, `<Id>${PRODUCTION_ADDIN_ID}</Id>`)
    .split(DEV_URL)
    .join(target)
    .split(DEV_URL.slice(0, -1)) // the AppDomain: the origin without a path
    .join(origin);
  const devHost = new URL(DEV_URL).host;
  if (rewritten.includes(devHost)) {
    throw new AddinConfigError(`manifest.xml: an address of ${devHost} is not of the form ${DEV_URL}… and was not rewritten.`);
  }
  return rewritten;
}

module.exports = {
  DEV_URL,
  DEV_ADDIN_ID,
  PRODUCTION_ADDIN_ID,
  PUBLIC_URL_VARIABLE,
  AddinConfigError,
  resolvePublicUrl,
  productionManifest,
};
