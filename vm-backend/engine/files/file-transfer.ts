// What a ticket opens: a download or an upload on the engine the ticket was issued for.
import type { Readable } from 'node:stream';
import type { EngineSession } from '../session';
import { type Download, openDownload } from './file-download';
import { takeTicket } from './file-tickets';
import { uploadFile } from './file-upload';

export interface FileTransfer {
  op: 'download' | 'upload';
  download(): Promise<Download>;
  upload(name: string, size: number, body: Readable): Promise<{ path: string }>;
}

export function openTransfer(session: EngineSession, ticket: string): FileTransfer {
  const t = takeTicket(session, ticket);
  return {
    op: t.op,
    download: () =>
      t.op === 'download' ? openDownload(session, t.owner, t.path) : Promise.reject(new Error('upload ticket')),
    upload: (name, size, body) =>
      t.op === 'upload'
        ? uploadFile(session, t.owner, t.dir, name, size, body)
        : Promise.reject(new Error('download ticket')),
  };
}
