import { MAX_IMPORT_BYTES, importSourceOf, percentOf } from './import-source';

const file = (name: string, content: string | Uint8Array, size?: number) => {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return {
    name,
    size: size ?? bytes.length,
    arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  };
};

describe('import source', () => {
  it('reads a .txt as UTF-8 text with its Vietnamese intact', async () => {
    expect(await importSourceOf(file('bao-cao.TXT', 'ỦY BAN NHÂN DÂN\nXÃ AN BÌNH'))).toEqual({ text: 'ỦY BAN NHÂN DÂN\nXÃ AN BÌNH' });
  });

  it('sends a .docx as base64 of its bytes', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0x00]);
    const src = await importSourceOf(file('bc.docx', bytes));
    expect(Buffer.from(src.docxBase64 ?? '', 'base64')).toEqual(Buffer.from(bytes));
  });

  it('refuses other files, empty files and files over 5 MB in words', async () => {
    await expect(importSourceOf(file('bc.pdf', 'x'))).rejects.toThrow('Chỉ nhận tệp .docx (Word) hoặc .txt');
    await expect(importSourceOf(file('bc.doc', 'x'))).rejects.toThrow('lưu thành .docx');
    await expect(importSourceOf(file('rong.txt', ''))).rejects.toThrow('rỗng');
    await expect(importSourceOf(file('lon.txt', 'x', MAX_IMPORT_BYTES + 1))).rejects.toThrow('lớn hơn 5 MB');
  });

  it('gives upload progress in percent, or null when the size is unknown', () => {
    expect(percentOf(512, 1024)).toBe(50);
    expect(percentOf(2048, 1024)).toBe(100);
    expect(percentOf(10, undefined)).toBeNull();
  });
});
