// A real OpenID provider (panva's oidc-provider, the certified implementation) for the e2e journeys,
// standing in for ProConnect. Its accounts carry a `siret` claim like ProConnect's.
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? 3102);
const appUrl = process.env.APP_URL ?? "http://localhost:3100";

// login typed in the provider's sign-in form → claims
const accounts = {
  "elise.martin": {
    email: "elise.martin@montclair.example",
    given_name: "Élise",
    usual_name: "Martin",
    siret: process.env.SIRET_MONTCLAIR,
  },
  "paul.nobody": {
    email: "paul.nobody@nowhere.example",
    given_name: "Paul",
    usual_name: "Inconnu",
    siret: "73282932000074",
  },
};

const provider = new Provider(`http://localhost:${port}`, {
  clients: [
    {
      client_id: "mutuo-e2e",
      client_secret: "mutuo-e2e-secret",
      redirect_uris: [`${appUrl}/api/auth/oidc/callback`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    },
  ],
  claims: {
    openid: ["sub"],
    email: ["email"],
    given_name: ["given_name"],
    usual_name: ["usual_name"],
    siret: ["siret"],
  },
  scopes: ["openid", "email", "given_name", "usual_name", "siret"],
  pkce: { required: () => true },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["e2e-only-not-a-secret"] },
  async findAccount(_ctx, id) {
    const claims = accounts[id];
    if (!claims) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
  },
});
provider.proxy = true;
provider.listen(port, () => console.log(`oidc provider on http://localhost:${port}`));
