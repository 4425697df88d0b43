// Custom resources against their operators' schemas: reads a JSON array of documents on stdin
// and prints a JSON array with one list of errors per document (an empty list: valid).
import { Cluster } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster";

const MODELS = { "postgresql.cnpg.io/v1/Cluster": Cluster };

function errorsOf(doc) {
  const Model = MODELS[`${doc.apiVersion}/${doc.kind}`];
  if (!Model) return [`no schema for ${doc.apiVersion} ${doc.kind}`];
  try {
    new Model(doc).validate();
    return [];
  } catch (error) {
    const found = error.errors ?? [{ message: String(error) }];
    return found.map(
      (e) => `${e.instancePath || "/"}: ${e.message ?? e.keyword} ${JSON.stringify(e.params ?? {})}`,
    );
  }
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => process.stdout.write(JSON.stringify(JSON.parse(input).map(errorsOf))));
