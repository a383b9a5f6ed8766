import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const ELECTRON_GLUE = ['electron/main.ts', 'electron/window.ts', 'electron/security.ts', 'electron/protocol.ts', 'electron/preload.ts', 'electron/pdfWindow.ts'];

const noElectron = { name: 'electron', message: 'Only the Electron glue files (main, window, security, protocol, preload, pdfWindow) may import electron.' };
const layer = (message, ...group) => ({ group, message });

const SHARED_PATTERNS = [
  layer('shared/ may not import electron/ or renderer/.', '**/electron/**', '**/renderer/**'),
  layer('shared/ may not import React or the DOM.', 'react', 'react-dom', 'react/*', 'react-dom/*'),
];

/** A layer of shared/: pure TypeScript, and no import of the layers that build on it. */
function sharedLayer(name, above) {
  return [{
    files: [`shared/${name}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, ...nodeBuiltins.map((builtin) => ({ name: builtin, message: 'shared/ is pure TypeScript: no Node modules.' }))],
        patterns: [
          ...SHARED_PATTERNS,
          { regex: `^(\\.\\./)+(${above.join('|')})/`, message: `shared/${name} may not import shared/{${above.join(',')}}: ${name === 'contract' ? 'the contract rests on the model only' : 'those layers build on it, not it on them'}.` },
        ],
      }],
    },
  }];
}

const ELECTRON_ROOMS = ['workspace', 'app', 'features', 'operations', 'cli'];
const GLUE_NAMES = 'main|window|security|protocol|preload|pdfWindow|ipc';

/** A room of electron/ that may not import the rooms above it, the Electron glue, ipc.ts or renderer/. */
function electronRoom(room, above) {
  return [{
    files: [`electron/${room}/**/*.ts`],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [
          layer(`electron/${room} may not import renderer/.`, '**/renderer/**'),
          { regex: `^(\\.\\./)+(${above.join('|')})/`, message: `electron/${room} may not import electron/{${above.join(',')}}: those rooms build on it, not it on them.` },
          { regex: `^(\\.\\./)+(${GLUE_NAMES})\\.ts$`, message: `electron/${room} may not import the Electron glue or ipc.ts: they wire the rooms, the rooms do not reach back.` },
        ],
      }],
    },
  }];
}

// The layering of design §2, enforced: a forbidden import fails `npm test`.
export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'bin/**', '.vite/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { paths: [noElectron] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'shared/ is pure TypeScript: no Node modules.' }))],
        patterns: [
          layer('shared/ may not import electron/ or renderer/.', '**/electron/**', '**/renderer/**'),
          layer('shared/ may not import React or the DOM.', 'react', 'react-dom', 'react/*', 'react-dom/*'),
        ],
      }],
    },
  },
  // Layers inside shared/: model is the ground floor; guidance builds on it, engine on guidance, present
  // and import on the engine; contract only on model.
  ...sharedLayer('model', ['guidance', 'engine', 'present', 'import', 'contract']),
  ...sharedLayer('guidance', ['engine', 'present', 'import', 'contract']),
  ...sharedLayer('engine', ['present', 'import', 'contract']),
  ...sharedLayer('present', ['import', 'contract']),
  ...sharedLayer('import', ['present', 'contract']),
  ...sharedLayer('contract', ['guidance', 'engine', 'present', 'import']),
  // The rooms of electron/ (docs/architecture.md): each may import shared/, its own room and the rooms
  // below it — workspace ← app ← features ← operations, cli — never the Electron glue or ipc.ts.
  ...electronRoom('workspace', ['app', 'features', 'operations', 'cli']),
  ...electronRoom('app', ['features', 'operations', 'cli']),
  ...electronRoom('features', ['operations', 'cli']),
  ...electronRoom('operations', ['cli']),
  ...electronRoom('cli', ['operations']),
  {
    files: ['electron/**/*.ts'],
    ignores: [...ELECTRON_ROOMS.map((room) => `electron/${room}/**`), ...ELECTRON_GLUE],
    rules: {
      'no-restricted-imports': ['error', { paths: [noElectron], patterns: [layer('electron/ may not import renderer/.', '**/renderer/**')] }],
    },
  },
  {
    files: ELECTRON_GLUE,
    rules: {
      'no-restricted-imports': ['error', { patterns: [layer('electron/ may not import renderer/.', '**/renderer/**')] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs sandboxed: no Node modules.' }))],
        patterns: [
          layer('The renderer talks to the main process only through the typed api (renderer/src/api.ts).', '**/electron/**'),
          {
            group: ['zod', '**/shared/model/link.ts', '**/shared/model/inventory.ts', '**/shared/model/assessmentDocument.ts', '**/shared/model/workspaceMeta.ts', '**/shared/contract/api.ts'],
            allowTypeImports: true,
            message: "Schemas stay out of the renderer: zod probes eval(), which the CSP forbids. Import types, or constants from shared/model/vocabulary.ts.",
          },
        ],
      }],
    },
  },
);
