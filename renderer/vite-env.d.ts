/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_APP_VERSION?: string;
  readonly VITE_DEMO_API_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
