/** jsdom has no TextDecoder/TextEncoder; the xlsx code needs them. Import before anything that reads packages. */
import { TextDecoder, TextEncoder } from 'node:util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
