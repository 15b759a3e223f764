/**
 * Wires every contract channel to its handler. The registry is typed `HandlerRegistry`, so
 * adding a channel to the contract without a handler here is a compile error, and the loop
 * registers exactly the channels the contract declares.
 */
import type { IpcMain } from 'electron';
import { channels, type Channel, type Language } from '../../bridge-contract';
import { createSetLanguage, getAppInfo } from './app';
import { createBackupHandlers, type BackupHandlers } from './backups';
import { openFile, saveFile } from './files';
import { handle, type HandlerRegistry } from './handle';
import { openExternal } from './shell';
import { createSyncHandlers, type SyncHandlers } from './sync';

export interface HandlerDeps {
  /** Rebuilds the native menu (and anything else language-bound) in the UI's language. */
  readonly applyLanguage: (language: Language) => void;
  /** The shared-folder sync, whose watcher main stops at quit; a fresh one by default. */
  readonly sync?: SyncHandlers;
  readonly backups?: BackupHandlers;
}

export function createHandlers(deps: HandlerDeps): HandlerRegistry {
  const sync = deps.sync ?? createSyncHandlers();
  const backups = deps.backups ?? createBackupHandlers();
  return {
    'app:get-info': getAppInfo,
    'app:set-language': createSetLanguage(deps.applyLanguage),
    'files:save': saveFile,
    'files:open': openFile,
    'shell:open-external': openExternal,
    'sync:choose-folder': sync['sync:choose-folder'],
    'sync:get-state': sync['sync:get-state'],
    'sync:write-own': sync['sync:write-own'],
    'sync:list-others': sync['sync:list-others'],
    'sync:forget-folder': sync['sync:forget-folder'],
    'backups:write': backups['backups:write'],
    'backups:list': backups['backups:list'],
    'backups:read': backups['backups:read'],
  };
}

const isChannel = (name: string): name is Channel => Object.hasOwn(channels, name);

/** The contract's channel names, in declaration order. */
export const channelNames: readonly Channel[] = Object.keys(channels).filter(isChannel);

export function registerHandlers(ipcMain: Pick<IpcMain, 'handle'>, registry: HandlerRegistry): void {
  for (const channel of channelNames) handle(ipcMain, channel, registry[channel]);
}
