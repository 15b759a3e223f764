/** SHA-256 as hex. The pure implementation runs everywhere; shells may pass a native one. */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export type Sha256Hex = (bytes: Uint8Array) => string;

export const sha256Hex: Sha256Hex = (bytes) => bytesToHex(sha256(bytes));
