/**
 * The bridge's types, for modules that need them without the bridge itself (background services
 * and their tests): importing these pulls in no browser implementation.
 */
export type {
  AppInfo, BackupInfo, BridgeError, BridgeErrorCode, BridgeResult, MaillageBridge, OtherBundle, SaveFileRequest, SaveFileResponse, SkippedBundle, SyncState,
} from '../../../electron/bridge-contract';
