import { describe, expect, it } from 'vitest';
import { ReceiptBook } from './receipt-book.js';

const sent = { msgId: '10', conversationId: 'p:1:2', seq: '3' };
const receipt = (kind: 'DELIVERED' | 'READ', msgId: string, seq: string, conversationId = 'p:1:2') => ({
  kind,
  conversationId,
  msgId,
  seq,
  byUserId: '2',
});

describe('ReceiptBook', () => {
  it('leaves a status alone without receipts', () => {
    expect(new ReceiptBook().statusOf(sent, 'stored')).toBe('stored');
  });

  it('raises to delivered on a DELIVERED receipt for that msgId only', () => {
    const book = new ReceiptBook();
    book.record(receipt('DELIVERED', '10', '3'));
    expect(book.statusOf(sent, 'stored')).toBe('delivered');
    expect(book.statusOf({ ...sent, msgId: '11', seq: '4' }, 'stored')).toBe('stored');
  });

  it('raises to read every message of the conversation up to the seq read', () => {
    const book = new ReceiptBook();
    book.record(receipt('READ', '0', '3'));
    expect(book.statusOf(sent, 'stored')).toBe('read');
    expect(book.statusOf({ ...sent, seq: '4' }, 'stored')).toBe('stored');
    expect(book.statusOf({ ...sent, conversationId: 'p:1:3' }, 'stored')).toBe('stored');
  });

  it('keeps the highest read seq when READ receipts arrive out of order', () => {
    const book = new ReceiptBook();
    book.record(receipt('READ', '0', '5'));
    book.record(receipt('READ', '0', '2'));
    expect(book.statusOf({ ...sent, seq: '5' }, 'stored')).toBe('read');
  });

  it('never lowers a status', () => {
    const book = new ReceiptBook();
    book.record(receipt('DELIVERED', '10', '3'));
    expect(book.statusOf(sent, 'read')).toBe('read');
  });
});
