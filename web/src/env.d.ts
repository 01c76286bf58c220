/// <reference types="vite/client" />

/** The folder URL of the pose model and its WebAssembly (web/pose-assets/vite-plugin.ts). */
declare module 'virtual:pose-assets' {
  export const POSE_ASSETS: string;
}
