/** Keys of the `meta` table that more than one module reads. */

/** Every interview has its merge registers: nothing saved before they existed is left (see exchange.ts). */
export const registersCheckedKey = 'registersChecked';

/** How many times the database was replaced by a backup: the one change that can make interviews go back in time. */
export const replacementsKey = 'replacements';

/** Who the devices are whose writes this computer holds, as bundles named them (core/exchange/bundle/device-directory.ts). */
export const deviceNamesKey = 'deviceNames';
