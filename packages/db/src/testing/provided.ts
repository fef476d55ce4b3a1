// Values the test global setup hands to test files through vitest's provide/inject.
declare module "vitest" {
  export interface ProvidedContext {
    mutuoTestAdminUrl: string;
    mutuoTestTemplate: string;
  }
}

export {};
