/**
 * The slice of the Chrome DevTools Protocol that exports use, typed by hand: only the commands, fields and events
 * this driver sends or reads (https://chromedevtools.github.io/devtools-protocol/).
 */

export interface RemoteObject {
  type: string;
  subtype?: string;
  className?: string;
  value?: unknown;
  unserializableValue?: string;
  objectId?: string;
  description?: string;
}

export interface ExceptionDetails {
  text: string;
  exception?: RemoteObject;
}

export interface Viewport {
  x: number;
  y: number;
  width: number;
  height: number;
  scale: number;
}

export interface FontFamilies {
  standard?: string;
  fixed?: string;
  serif?: string;
  sansSerif?: string;
  cursive?: string;
  fantasy?: string;
}

type Empty = Record<string, never>;

/** Command name → its parameters and result. */
export interface Commands {
  'Browser.getVersion': { params: Empty; result: { product: string } };
  'Browser.close': { params: Empty; result: Empty };
  'Target.createTarget': { params: { url: string }; result: { targetId: string } };
  'Target.attachToTarget': { params: { targetId: string; flatten: true }; result: { sessionId: string } };
  'Target.closeTarget': { params: { targetId: string }; result: { success?: boolean } };
  'Inspector.enable': { params: Empty; result: Empty };
  'Page.enable': { params: Empty; result: Empty };
  'Page.setLifecycleEventsEnabled': { params: { enabled: boolean }; result: Empty };
  'Page.setFontFamilies': { params: { fontFamilies: FontFamilies }; result: Empty };
  'Page.addScriptToEvaluateOnNewDocument': { params: { source: string }; result: { identifier: string } };
  'Page.navigate': { params: { url: string }; result: { frameId: string; loaderId?: string; errorText?: string } };
  'Page.printToPDF': {
    params: {
      transferMode: 'ReturnAsStream';
      printBackground: boolean;
      paperWidth: number;
      paperHeight: number;
      marginTop: number;
      marginBottom: number;
      marginLeft: number;
      marginRight: number;
      preferCSSPageSize: boolean;
      generateTaggedPDF: boolean;
      generateDocumentOutline: boolean;
    };
    result: { stream: string };
  };
  'Page.captureScreenshot': {
    params: { format: 'png'; clip: Viewport; captureBeyondViewport: boolean };
    result: { data: string };
  };
  'IO.read': { params: { handle: string; size: number }; result: { data: string; eof: boolean; base64Encoded?: boolean } };
  'IO.close': { params: { handle: string }; result: Empty };
  'Runtime.enable': { params: Empty; result: Empty };
  'Runtime.evaluate': {
    params: { expression: string; awaitPromise: boolean; returnByValue: boolean; contextId?: number };
    result: { result: RemoteObject; exceptionDetails?: ExceptionDetails };
  };
  'Runtime.callFunctionOn': {
    params: {
      functionDeclaration: string;
      arguments: Array<{ value: unknown }>;
      /** Where to call it: a context, or (in its context) an object. */
      executionContextId?: number;
      objectId?: string;
      awaitPromise: boolean;
      returnByValue: boolean;
    };
    result: { result: RemoteObject; exceptionDetails?: ExceptionDetails };
  };
  'Emulation.setDeviceMetricsOverride': {
    params: { width: number; height: number; deviceScaleFactor: number; mobile: boolean; screenWidth: number; screenHeight: number };
    result: Empty;
  };
  'Emulation.setFocusEmulationEnabled': { params: { enabled: boolean }; result: Empty };
  'Fetch.enable': { params: { patterns: Array<{ urlPattern: string }> }; result: Empty };
  'Fetch.continueRequest': { params: { requestId: string }; result: Empty };
  'Fetch.failRequest': { params: { requestId: string; errorReason: 'BlockedByClient' }; result: Empty };
}

/** Event name → its parameters. */
export interface Events {
  'Target.detachedFromTarget': { sessionId: string };
  'Inspector.targetCrashed': Empty;
  'Page.lifecycleEvent': { frameId: string; loaderId: string; name: string };
  'Runtime.executionContextCreated': { context: { id: number; auxData?: { isDefault?: boolean; frameId?: string } } };
  'Runtime.executionContextDestroyed': { executionContextId: number };
  'Runtime.executionContextsCleared': Empty;
  'Runtime.exceptionThrown': { exceptionDetails: ExceptionDetails };
  'Fetch.requestPaused': { requestId: string; request: { url: string } };
}

export type CommandName = keyof Commands;
export type EventName = keyof Events;
