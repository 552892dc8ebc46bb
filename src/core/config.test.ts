import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, documentedEnvVars, loadConfig } from './config.js';

function yamlFile(content: string): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'lp-config-')), 'leitplanke.yaml');
  writeFileSync(file, content);
  return file;
}

describe('configuration', () => {
  it('documents every environment variable in the README configuration table', () => {
    const readme = readFileSync(path.join(import.meta.dirname, '../../README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('## ', readme.indexOf('## Configuration') + 3));
    expect(documentedEnvVars.filter((name) => !table.includes(`| \`${name}\``) && !table.includes(`(or \`${name}\`)`))).toEqual([]);
  });


  it('has working defaults for the embedded setup', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.data_dir).toBe(path.resolve('./data'));
    expect(config.models_dir).toBe(path.resolve('./data/models'));
    expect(config.database_url).toBeUndefined();
  });

  it('lets environment variables win over the YAML file', () => {
    const file = yamlFile('port: 4000\nroot_org_name: Aus der Datei\n');
    const config = loadConfig({ LEITPLANKE_CONFIG: file, LEITPLANKE_PORT: '5000' });
    expect(config.port).toBe(5000);
    expect(config.root_org_name).toBe('Aus der Datei');
  });

  it('refuses a bad value and names the environment variable to fix', () => {
    expect(() => loadConfig({ LEITPLANKE_PORT: 'dreitausend' })).toThrowError(/port \(env LEITPLANKE_PORT\)/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrowError(/DATABASE_URL.*postgres:\/\//s);
  });

  it('names the file and key for a bad YAML entry', () => {
    const file = yamlFile('providers:\n  - id: local\n    type: openai-compatible\n    zone: moon\n    jurisdiction: DE\n');
    try {
      loadConfig({ LEITPLANKE_CONFIG: file });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems[0]).toContain('providers.0.zone');
      expect((error as ConfigError).message).toContain(file);
    }
  });

  it('rejects a model that points at an undeclared provider', () => {
    const file = yamlFile(
      'providers:\n  - { id: a, type: openai-compatible, zone: own, jurisdiction: de, base_url: "http://x" }\n' +
        'models:\n  - { id: m, provider: b, upstream_model: m }\n',
    );
    expect(() => loadConfig({ LEITPLANKE_CONFIG: file })).toThrowError(/models\.m\.provider: "b" is not in providers/);
  });

  it('reports a missing or unparsable config file', () => {
    expect(() => loadConfig({ LEITPLANKE_CONFIG: '/nonexistent/leitplanke.yaml' })).toThrowError(/cannot be read/);
    expect(() => loadConfig({ LEITPLANKE_CONFIG: yamlFile('port: [1,\n') })).toThrowError(/not valid YAML/);
  });

  it('reads OIDC settings from the environment', () => {
    const config = loadConfig({ LEITPLANKE_OIDC_ISSUER: 'https://id.example.org/realms/partei', LEITPLANKE_OIDC_CLIENT_ID: 'leitplanke' });
    expect(config.oidc?.issuer).toBe('https://id.example.org/realms/partei');
    expect(config.oidc?.roles_claim).toBe('groups');
  });
});
