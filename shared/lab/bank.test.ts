import { describe, expect, it } from 'vitest';
import { bankOperations, bankParams, expectedBalance } from './bank';

describe('bank operations', () => {
  it('are the tutorial’s ten deposits of 10 and ten withdrawals of 5, side by side, ending at 150', () => {
    const params = bankParams.parse({ locked: true });
    const ops = bankOperations(params);
    expect(ops.filter((o) => o === 'deposit')).toHaveLength(10);
    expect(ops.filter((o) => o === 'withdrawal')).toHaveLength(10);
    expect(ops.slice(0, 4)).toEqual(['deposit', 'withdrawal', 'deposit', 'withdrawal']);
    expect(expectedBalance(params)).toBe(150);
  });

  it('refuses a withdrawal the balance cannot cover', () => {
    expect(expectedBalance(bankParams.parse({ locked: true, initial: 0, deposits: 0, withdrawals: 3 }))).toBe(0);
  });
});
