// HTML e-mails, rendered with MJML (responsive, table-based markup that mail clients understand)
// from the same content as the plain text: paragraphs, links made clickable, the provider's name and
// logo in the header. Accessible: language declared, title, logo alternative text, high contrast.
import mjml2html from "mjml";
import type { MailContent, MailLocale } from "./templates.ts";

export interface HtmlOptions {
  locale: MailLocale;
  providerName: string;
  logoUrl?: string;
}

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One paragraph of the text: escaped, line breaks kept, URLs as links. */
function paragraph(p: string): string {
  return escape(p)
    .replace(
      /(https?:\/\/[^\s<]+)/g,
      (url) => `<a href="${url}" style="color:#1d4ed8;text-decoration:underline">${url}</a>`,
    )
    .replace(/\n/g, "<br />");
}

export async function renderHtml(content: MailContent, opts: HtmlOptions): Promise<string> {
  const paragraphs = content.text.split(/\n{2,}/).filter((p) => p.trim() && !/^—/.test(p.trim()));
  const header = opts.logoUrl
    ? `<mj-image src="${escape(opts.logoUrl)}" alt="${escape(opts.providerName)}" width="160px" align="left" padding="0" />`
    : `<mj-text font-size="18px" font-weight="700" color="#0f172a" padding="0">${escape(opts.providerName)}</mj-text>`;
  const source = `<mjml lang="${opts.locale}">
  <mj-head>
    <mj-title>${escape(content.subject)}</mj-title>
    <mj-preview>${escape(paragraphs[1] ?? paragraphs[0] ?? "").slice(0, 140)}</mj-preview>
    <mj-attributes>
      <mj-all font-family="Arial, Helvetica, sans-serif" />
      <mj-text font-size="16px" line-height="1.5" color="#1e293b" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f1f5f9">
    <mj-section background-color="#ffffff" padding="20px 24px" border-bottom="3px solid #1d4ed8">
      <mj-column>${header}</mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="8px 24px 24px">
      <mj-column>
        ${paragraphs.map((p) => `<mj-text>${paragraph(p)}</mj-text>`).join("\n        ")}
      </mj-column>
    </mj-section>
    <mj-section padding="12px 24px">
      <mj-column>
        <mj-text font-size="13px" color="#475569">${escape(opts.providerName)} — ${opts.locale === "en" ? "shared digital services, sent by Mutuo" : "services numériques mutualisés, envoyé par Mutuo"}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;
  const out = await mjml2html(source, { validationLevel: "strict", minify: false });
  return out.html;
}
