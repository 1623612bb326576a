/**
 * Download links for the implementation report as of the page's moment; plain links, so the
 * browser handles the file.
 */
export function ReportLinks({
  processId,
  agreementId,
  asOf,
}: {
  processId: string;
  agreementId: string;
  asOf: string;
}) {
  const href = (format: 'docx' | 'pdf') =>
    `/api/v1/processes/${encodeURIComponent(processId)}/agreements/${encodeURIComponent(agreementId)}/report?format=${format}&asOf=${encodeURIComponent(asOf)}`;
  return (
    <div className="button-row report-links">
      <a className="button button-small" href={href('docx')} download>
        Report (.docx)
      </a>
      <a className="button button-small" href={href('pdf')} download>
        Report (PDF)
      </a>
    </div>
  );
}
