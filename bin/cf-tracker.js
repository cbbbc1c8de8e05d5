#!/usr/bin/env node
'use strict';
require('tsx/cjs');
const { main } = require('../cli/main.ts');

const io = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  readStdin: () =>
    new Promise((resolve, reject) => {
      const chunks = [];
      process.stdin.on('data', (chunk) => chunks.push(chunk));
      process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      process.stdin.on('error', reject);
    }),
};

// Commands are loaded with import(), which needs tsx's ES module hooks as well.
import('tsx/esm/api')
  .then(({ register }) => register())
  .then(() => main(process.argv.slice(2), io))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`cf-tracker: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
