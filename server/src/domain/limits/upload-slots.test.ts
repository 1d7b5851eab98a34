import { describe, expect, it } from 'vitest';
import { UploadSlots } from './upload-slots.ts';

describe('upload slots', () => {
  it('lets each person have one upload at a time', () => {
    const slots = new UploadSlots(3);
    const release = slots.take('user:1');
    expect(() => slots.take('user:1')).toThrow(/one upload at a time/);
    expect(() => slots.take('user:2')).not.toThrow();
    release();
    expect(() => slots.take('user:1')).not.toThrow();
  });

  it('refuses uploads beyond the instance limit, naming it, until one finishes', () => {
    const slots = new UploadSlots(2);
    const first = slots.take('user:1');
    slots.take('user:2');
    expect(() => slots.take('user:3')).toThrow(expect.objectContaining({ code: 'rate_limited' }));
    expect(() => slots.take('user:3')).toThrow(/it reads 2 at a time/);
    first();
    expect(() => slots.take('user:3')).not.toThrow();
  });
});
