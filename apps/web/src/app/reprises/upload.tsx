"use client";
// Sends a data-migration file as the request body (streamed by the browser, streamed by the server).
import { StreamedUpload } from "../../components/streamed-upload.tsx";

export function UploadForm({
  jobId,
  labels,
  errors,
}: {
  jobId: string;
  labels: { upload: string; hint: string; send: string; sending: string; sent: string };
  errors: Record<string, string>;
}) {
  return (
    <StreamedUpload
      url={`/api/reprises/televersement/${jobId}`}
      inputId="migration-file"
      accept=".csv,.txt,.xlsx"
      labels={{ ...labels, file: labels.upload }}
      errors={{ ...errors, empty: errors.migration_empty_file ?? "" }}
    />
  );
}
