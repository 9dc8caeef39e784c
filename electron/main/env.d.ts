// electron-vite's `?asset` imports (a file copied into out/ and its path at run time).
/// <reference types="electron-vite/node" />
