import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// No Docker daemon or base image is reachable here, so the images cannot be built in the test
// run. These checks read the Dockerfiles against the workspace instead: a renamed script or a new
// library once broke both images without any test noticing.
const root = join(__dirname, '..', '..', '..', '..');

interface Stage {
  readonly lines: string[];
}

function stagesOf(dockerfile: string): Stage[] {
  const text = readFileSync(join(root, dockerfile), 'utf8');
  return text
    .split(/^FROM .*$/m)
    .slice(1)
    .map((body) => ({ lines: body.split('\n').map((line) => line.trim()) }));
}

/** Every workspace folder the root package.json names (libs/*, apps/*, e2e). */
function workspaces(): string[] {
  const globs = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
  return globs.flatMap((glob) =>
    glob.endsWith('/*')
      ? readdirSync(join(root, glob.slice(0, -2)))
          .map((name) => `${glob.slice(0, -2)}/${name}`)
          .filter((dir) => existsSync(join(root, dir, 'package.json')))
      : [glob],
  );
}

function packageOf(dir: string): { name: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as ReturnType<typeof packageOf>;
}

/** The context paths a stage copies from the build context (not from another stage). */
function copiedFromContext(stage: Stage): string[] {
  return stage.lines
    .filter((line) => line.startsWith('COPY ') && !line.includes('--from='))
    .flatMap((line) => line.split(/\s+/).slice(1, -1));
}

function builtWorkspaces(stage: Stage): string[] {
  return stage.lines.flatMap((line) => [...line.matchAll(/npm run build -w (@attune\/[a-z-]+)/g)].map((match) => match[1] ?? ''));
}

// Besides its dependencies, the dashboard's build type-checks against the API client's generated
// types (a devDependency); the API's devDependencies serve only its tests.
describe.each([
  ['apps/api/Dockerfile', 'apps/api', []],
  ['apps/dashboard/Dockerfile', 'apps/dashboard', ['@attune/api-client']],
])('%s', (dockerfile, appDir, buildTimeLibraries) => {
  const stages = stagesOf(dockerfile);
  const names = new Map(workspaces().map((dir) => [packageOf(dir).name, dir]));

  it('copies only paths that exist in the build context (the repository root)', () => {
    for (const stage of stages)
      for (const path of copiedFromContext(stage)) expect([path, existsSync(join(root, path))]).toEqual([path, true]);
  });

  it("copies every workspace's package.json before npm ci, in every stage", () => {
    for (const stage of stages) {
      const ci = stage.lines.findIndex((line) => line.startsWith('RUN npm ci'));
      const before = stage.lines.slice(0, ci).join('\n');
      for (const dir of workspaces()) expect([dir, before.includes(`COPY ${dir}/package.json ${dir}/`)]).toEqual([dir, true]);
    }
  });

  it("builds every @attune library the app depends on before the app, and ships the runtime ones' dist", () => {
    const app = packageOf(appDir);
    const [build, runtime] = stages;
    const built = builtWorkspaces(build ?? { lines: [] });
    const libraries = (deps: Record<string, string> | undefined) => Object.keys(deps ?? {}).filter((name) => name.startsWith('@attune/'));
    for (const lib of [...libraries(app.dependencies), ...buildTimeLibraries]) {
      expect(built.indexOf(lib)).toBeGreaterThanOrEqual(0);
      expect(built.indexOf(lib)).toBeLessThan(built.indexOf(app.name));
    }
    for (const lib of libraries(app.dependencies)) {
      const dir = names.get(lib) ?? lib;
      expect(runtime?.lines).toContain(`COPY --from=build /repo/${dir}/dist ${dir}/dist`);
    }
  });
});
