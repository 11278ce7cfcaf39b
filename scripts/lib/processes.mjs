// Child processes that die with their parent: every child is tracked and stopped on exit.
import { spawn } from 'node:child_process';

const children = new Set();

export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    children.add(child);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

/** Runs to completion and returns stdout; stderr passes through. */
export function capture(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'], ...options });
    children.add(child);
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      children.delete(child);
      if (code === 0) resolve(out);
      else reject(Object.assign(new Error(`${command} ${args.join(' ')} exited with ${code}`), { exitCode: code }));
    });
  });
}

/** A long-running service; `onExit` fires if it stops on its own. */
export function service(name, command, args, options = {}, onExit = () => undefined) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
  children.add(child);
  const prefix = (stream, target) =>
    stream.on('data', (chunk) => {
      if (options.quiet) return;
      for (const line of String(chunk).split('\n')) if (line.trim()) target.write(`[${name}] ${line}\n`);
    });
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (children.delete(child)) onExit(code, signal);
  });
  return child;
}

export async function stopAll(graceMs = 5000) {
  const pending = [...children].map(
    (child) =>
      new Promise((resolve) => {
        children.delete(child);
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  );
  await Promise.all(pending);
}
