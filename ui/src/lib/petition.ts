// The petition form's view logic (kiến nghị, phản ánh): the draft, which validation messages show, sending,
// and forgetting everything after a successful send. The messages themselves come from the core
// (`check_petition`, the one source of validation); the IPC calls are passed in, so this is tested
// without the shell.

import { type FieldError, type IpcError, type PetitionInput, type PetitionKind, toIpcError } from './ipc';

/** The form's fields, in the order they are shown (the snake_case keys of the core's PetitionInput). */
export const PETITION_FIELDS = ['kind', 'name', 'address', 'phone', 'email', 'procedure_code', 'summary'] as const;
/** A field of the form. */
export type PetitionField = (typeof PETITION_FIELDS)[number];
/** The fields typed as text. */
export type TextField = Exclude<PetitionField, 'kind'>;

/** What the form holds: every field as typed. */
export interface PetitionDraft {
  kind: PetitionKind;
  name: string;
  address: string;
  phone: string;
  email: string;
  procedure_code: string;
  summary: string;
}

/** What the form shows. */
export interface PetitionView {
  draft: PetitionDraft;
  /** The message under each field that has one to show. */
  errors: Partial<Record<string, string>>;
  sending: boolean;
  /** A check of the form is on its way: messages may still appear (or go) under the fields. */
  checking: boolean;
  /** "Send" was pressed since the form was last emptied: every message is shown, with a summary above. */
  attempted: boolean;
  /** The number the petition was stored under, after a successful send (the form is then empty). */
  done: number | null;
  /** A failure that is not about a field (storage, IPC). */
  failure: IpcError | null;
}

/** The calls the form makes. */
export interface PetitionApi {
  check(p: PetitionInput): Promise<FieldError[]>;
  submit(p: PetitionInput): Promise<number>;
}

/** An empty draft, about a procedure when one is given. */
export function emptyDraft(procedureCode = ''): PetitionDraft {
  return { kind: 'kien-nghi', name: '', address: '', phone: '', email: '', procedure_code: procedureCode, summary: '' };
}

/** The draft as the core takes it: the optional fields left blank are `null`. Text is passed as typed
 * (the core normalizes and validates it). */
export function toInput(d: PetitionDraft): PetitionInput {
  const email = d.email.trim();
  const code = d.procedure_code.trim();
  return {
    kind: d.kind,
    name: d.name,
    address: d.address,
    phone: d.phone,
    email: email ? d.email : null,
    procedure_code: code ? code : null,
    summary: d.summary,
  };
}

/** The messages per field (several for one field are joined). */
export function errorsByField(errors: readonly FieldError[]): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const e of errors) out[e.field] = out[e.field] ? `${out[e.field]} ${e.message}` : e.message;
  return out;
}

/** The messages to show: only for fields the citizen has left, or all after pressing "send". */
export function shownErrors(
  errors: readonly FieldError[],
  touched: ReadonlySet<string>,
  attempted: boolean,
): Partial<Record<string, string>> {
  return errorsByField(attempted ? errors : errors.filter((e) => touched.has(e.field)));
}

/** Runs the form: edits, checks on leaving a field, sends. Every change is handed to `onchange`. */
export class PetitionFlow {
  private draft: PetitionDraft;
  private touched = new Set<string>();
  private attempted = false;
  private errors: FieldError[] = [];
  private sending = false;
  private done: number | null = null;
  private failure: IpcError | null = null;
  private sequence = 0;
  private checks = 0;

  constructor(
    private readonly api: PetitionApi,
    private readonly onchange: (view: PetitionView) => void,
    procedureCode = '',
  ) {
    this.draft = emptyDraft(procedureCode);
  }

  /** What the form shows now. */
  get view(): PetitionView {
    return {
      draft: { ...this.draft },
      errors: shownErrors(this.errors, this.touched, this.attempted),
      sending: this.sending,
      checking: this.checks > 0,
      attempted: this.attempted,
      done: this.done,
      failure: this.failure,
    };
  }

  /** A field changed. A message already shown under it is checked again, so it goes once fixed. */
  edit<F extends PetitionField>(field: F, value: PetitionDraft[F]): Promise<void> {
    this.draft = { ...this.draft, [field]: value };
    this.done = null;
    const view = this.view;
    this.onchange(view);
    return view.errors[field] !== undefined ? this.check() : Promise.resolve();
  }

  /** The citizen left a field: check the form and show the messages of the fields left so far. */
  leave(field: PetitionField): Promise<void> {
    // Just sent: the focus leaving the (now empty) form is no reason to complain about it.
    if (this.done !== null) return Promise.resolve();
    this.touched.add(field);
    // Sending checks everything itself; a check started now would make the send's answer stale.
    return this.sending ? Promise.resolve() : this.check();
  }

  /** Sends the petition after checking it; resolves to whether it was stored. */
  async submit(): Promise<boolean> {
    if (this.sending) return false;
    this.attempted = true;
    this.failure = null;
    this.sending = true;
    this.emit();
    const input = toInput(this.draft);
    const mine = ++this.sequence;
    try {
      const errors = await this.api.check(input);
      if (mine !== this.sequence) return false;
      if (errors.length) {
        this.errors = errors;
        return false;
      }
      const id = await this.api.submit(input);
      this.clear();
      this.done = id;
      return true;
    } catch (e) {
      const error = toIpcError(e);
      if (error.code === 'invalid' && error.fields) this.errors = error.fields;
      else this.failure = error;
      return false;
    } finally {
      this.sending = false;
      this.emit();
    }
  }

  /** Forgets everything (idle reset, leaving the form), keeping only a procedure code to start from. */
  reset(procedureCode = ''): void {
    this.clear();
    this.draft = emptyDraft(procedureCode);
    this.done = null;
    this.failure = null;
    this.sending = false;
    this.emit();
  }

  private clear() {
    this.sequence++;
    this.draft = emptyDraft();
    this.touched = new Set();
    this.attempted = false;
    this.errors = [];
  }

  private async check(): Promise<void> {
    const mine = ++this.sequence;
    this.checks += 1;
    this.emit();
    try {
      const errors = await this.api.check(toInput(this.draft));
      if (mine === this.sequence) {
        this.errors = errors;
        this.failure = null;
      }
    } catch (e) {
      if (mine === this.sequence) this.failure = toIpcError(e);
    } finally {
      this.checks -= 1;
    }
    this.emit();
  }

  private emit() {
    this.onchange(this.view);
  }
}
