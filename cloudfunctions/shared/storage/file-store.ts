/**
 * Where attachment bytes live: cloud storage on CloudBase, a folder on the local server (DESIGN.md, "platform
 * services … behind small interfaces with a local twin"). Keys are chosen by the server, never by a client.
 */
export interface FileStore {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>
  /** null when nothing is stored under the key. */
  get(key: string): Promise<StoredBytes | null>
  /** Removing a missing key is not an error. */
  remove(key: string): Promise<void>
  /**
   * An address that reads the bytes without further identity until `expiresAt` — handed out only after the
   * access check (files.ts fileLink). Cloud: a temporary URL; local: a signed path on the local server.
   */
  link(key: string, expiresAt: Date): Promise<string>
  /**
   * Stores bytes the server made itself (a certificate PDF) under `path`, and answers the key they are read by: on
   * CloudBase the fileID, known only once uploaded. A store without it keeps such bytes under the file's own id
   * (`put`), as the local folder does with every upload.
   */
  save?(path: string, bytes: Buffer, contentType: string): Promise<string>
}

export interface StoredBytes {
  bytes: Buffer
  contentType: string
}
