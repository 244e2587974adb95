import { left, right } from 'fp-ts/Either';
import type { Decider } from '../decider';

/** A tiny bank account decider used by the kernel's own tests. */
export type AccountEvent =
  | { type: 'AccountOpened'; data: { owner: string } }
  | { type: 'Deposited'; data: { amount: number; at: string } }
  | { type: 'Withdrawn'; data: { amount: number } };

export type AccountCommand =
  | { kind: 'Open'; owner: string }
  | { kind: 'Deposit'; amount: number }
  | { kind: 'Withdraw'; amount: number }
  | { kind: 'Explode' }
  | { kind: 'Noop' };

export interface AccountState {
  readonly open: boolean;
  readonly balance: number;
}

export interface AccountError {
  readonly code: 'NOT_OPEN' | 'ALREADY_OPEN' | 'INSUFFICIENT_FUNDS';
  readonly message: string;
}

export const accountDecider: Decider<
  AccountCommand,
  AccountEvent,
  AccountState,
  { now: string },
  AccountError
> = {
  initialState: () => ({ open: false, balance: 0 }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'AccountOpened':
        return { ...state, open: true };
      case 'Deposited':
        return { ...state, balance: state.balance + event.data.amount };
      case 'Withdrawn':
        return { ...state, balance: state.balance - event.data.amount };
    }
  },
  decide: (command, state, context) => {
    switch (command.kind) {
      case 'Open':
        return state.open
          ? left({ code: 'ALREADY_OPEN', message: 'Le compte est déjà ouvert.' })
          : right([{ type: 'AccountOpened', data: { owner: command.owner } }]);
      case 'Deposit':
        if (!state.open) return left({ code: 'NOT_OPEN', message: "Le compte n'est pas ouvert." });
        return right([{ type: 'Deposited', data: { amount: command.amount, at: context.now } }]);
      case 'Withdraw':
        if (!state.open) return left({ code: 'NOT_OPEN', message: "Le compte n'est pas ouvert." });
        if (state.balance < command.amount) {
          return left({ code: 'INSUFFICIENT_FUNDS', message: 'Solde insuffisant.' });
        }
        return right([{ type: 'Withdrawn', data: { amount: command.amount } }]);
      case 'Explode':
        throw new Error('kaboom');
      case 'Noop':
        return right([]);
    }
  },
  schemaVersion: (type) => (type === 'Deposited' ? 2 : 1),
};
