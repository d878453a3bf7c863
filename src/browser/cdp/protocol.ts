/**
 * The Chrome DevTools Protocol's commands and events, typed by the `devtools-protocol` package (types only: nothing
 * of it is loaded at run time). https://chromedevtools.github.io/devtools-protocol/
 */
import type { Protocol } from 'devtools-protocol';
import type { ProtocolMapping } from 'devtools-protocol/types/protocol-mapping.js';

export type { Protocol };

export type CommandName = keyof ProtocolMapping.Commands;
export type EventName = keyof ProtocolMapping.Events;

/** A command's parameters; `{}` for a command that takes none. */
export type CommandParams<M extends CommandName> = ProtocolMapping.Commands[M]['paramsType'] extends [(infer P)?] ? P : Record<string, never>;

/** A command's result; `{}` for a command that returns nothing. */
export type CommandResult<M extends CommandName> = ProtocolMapping.Commands[M]['returnType'] extends void
  ? Record<string, never>
  : ProtocolMapping.Commands[M]['returnType'];

/** An event's parameters; `{}` for an event that has none. */
export type EventParams<E extends EventName> = ProtocolMapping.Events[E] extends [infer P] ? P : Record<string, never>;

export type RemoteObject = Protocol.Runtime.RemoteObject;
export type ExceptionDetails = Protocol.Runtime.ExceptionDetails;
export type FontFamilies = Protocol.Page.FontFamilies;
