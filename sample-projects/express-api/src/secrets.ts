export interface Secrets {
  webhookSigningKey: string;
  apiKeyPepper: string;
  integrationsClientSecret: string;
}

async function loadSecrets(): Promise<Secrets> {
  // Read from the environment for now; the Vault client will plug in here.
  return {
    webhookSigningKey: process.env.WEBHOOK_SIGNING_KEY ?? 'dev-webhook-key',
    apiKeyPepper: process.env.API_KEY_PEPPER ?? 'dev-pepper',
    integrationsClientSecret: process.env.INTEGRATIONS_CLIENT_SECRET ?? 'dev-client-secret',
  };
}

export const secrets = await loadSecrets();
