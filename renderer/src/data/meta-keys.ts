/** Keys of the `meta` table that more than one module reads. */

/** Every interview has its merge registers: nothing saved before they existed is left (see exchange.ts). */
export const registersCheckedKey = 'registersChecked';
