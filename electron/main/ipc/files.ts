/**
 * IPC domain "files": the renderer asks to save or open a file; main shows the native dialog on
 * the asking window and does the file work. The renderer never names a path itself: the
 * researcher picks it in the dialog, which is what authorises the write.
 */
import path from 'node:path';
import {
  BrowserWindow,
  dialog,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import { ok } from '../../../core/shared/result';
import { writeFileAtomic } from '../services/atomic-write';
import { readFileCapped } from '../services/read-file-capped';
import type { Handler } from './handle';

/** Dialogs are modal to the window that asked, or free-standing if it is already gone. */
function showSaveDialog(event: IpcMainInvokeEvent, options: SaveDialogOptions) {
  const window = BrowserWindow.fromWebContents(event.sender);
  return window === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(window, options);
}

function showOpenDialog(event: IpcMainInvokeEvent, options: OpenDialogOptions) {
  const window = BrowserWindow.fromWebContents(event.sender);
  return window === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(window, options);
}

export const saveFile: Handler<'files:save'> = async (request, event) => {
  const choice = await showSaveDialog(event, {
    defaultPath: request.suggestedName,
    filters: request.filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || choice.filePath === '') return ok({ status: 'cancelled' });

  const written = await writeFileAtomic(choice.filePath, request.data);
  return written.ok ? ok({ status: 'saved', location: choice.filePath }) : written;
};

export const openFile: Handler<'files:open'> = async (request, event) => {
  const choice = await showOpenDialog(event, { filters: request.filters, properties: request.showHidden === true ? ['openFile', 'showHiddenFiles'] : ['openFile'] });
  const filePath = choice.filePaths[0];
  if (choice.canceled || filePath === undefined) return ok({ status: 'cancelled' });

  const read = await readFileCapped(filePath);
  return read.ok ? ok({ status: 'opened', name: path.basename(filePath), data: read.value }) : read;
};
