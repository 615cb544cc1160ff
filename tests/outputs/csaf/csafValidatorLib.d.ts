/** Types for the parts of @secvisogram/csaf-validator-lib the tests use (the package ships JavaScript only). */
declare module '@secvisogram/csaf-validator-lib/*Tests.js' {
  export type DocumentTest = (document: unknown) => unknown;
  const tests: Record<string, DocumentTest>;
  export = tests;
}

declare module '@secvisogram/csaf-validator-lib/schemaTests.js' {
  export const csaf_2_0_strict: (document: unknown) => unknown;
  export const csaf_2_0: (document: unknown) => unknown;
}

declare module '@secvisogram/csaf-validator-lib/validateStrict.js' {
  interface Message {
    message: string;
    instancePath: string;
  }
  export default function validateStrict(
    tests: readonly ((document: unknown) => unknown)[],
    document: unknown,
  ): Promise<{
    isValid: boolean;
    tests: { name: string; isValid: boolean; errors: Message[]; warnings: Message[]; infos: Message[] }[];
  }>;
}
