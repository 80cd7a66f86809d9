"""Receipts and notices: data → HTML (QTextDocument) → PDF, with QR codes.

Imports ``PySide6.QtGui``/``QtCore`` only, never QtWidgets, but needs a QGuiApplication
(or the GUI's QApplication) to exist before fonts are picked or a PDF is written.

Typical use::

    texts = DocumentTexts.load(template_dirs(paths.config_dir))
    doc = build_receipt(ReceiptData(...), texts)   # or build_document(data, texts)
    # formal notices: build_notice(SupplementNotice(...), texts); build_guide; build_slip
    # joint cases (issue 16): build_joint_notice(JointReceipt(...), texts)
    # fees (issue 17): build_payment_notice(payment_notice_doc(notice, ...), texts),
    # build_fiscal_receipt / build_fiscal_receipt_roll, build_refund_voucher, build_daily_close
    # the hall's queue (issue 18): build_queue_ticket(QueueTicketDoc(...), texts)
    doc.write_pdf(paths.documents_dir / f"{case_no}-acceptance.pdf")
"""

from clerk_app.documents.fee_documents import (
    DailyCloseDoc,
    FiscalReceiptDoc,
    FiscalReceiptRoll,
    PaymentNoticeDoc,
    RefundVoucherDoc,
    daily_close_doc,
    fiscal_receipt_doc,
    payment_notice_doc,
)
from clerk_app.documents.fee_render import (
    build_daily_close,
    build_fiscal_receipt,
    build_fiscal_receipt_roll,
    build_payment_notice,
    build_refund_voucher,
)
from clerk_app.documents.fonts import NoCjkFontError, pick_cjk_family
from clerk_app.documents.joint_notices import (
    ConsolidatedSupplementNotice,
    FiledPart,
    JointCompletionNotice,
    JointMaterial,
    JointNoticeBase,
    JointPartLine,
    JointReceipt,
    StageCompletionNotice,
)
from clerk_app.documents.joint_render import build_joint_notice, joint_qr_payload
from clerk_app.documents.kinds import (
    DocumentKind,
    RenderedDocument,
    build_document,
    document_kind,
    document_kinds,
    register_kind,
)
from clerk_app.documents.model import MaterialLine, ReceiptData
from clerk_app.documents.notice_render import (
    DEFAULT_COPIES,
    build_guide,
    build_notice,
    build_slip,
    yuan,
    yuan_in_words,
)
from clerk_app.documents.notices import (
    CompletionNotice,
    Correction,
    CorrectionNotice,
    DeferredLapsedNotice,
    DeferredNotice,
    DeferredSuppliedReceipt,
    FeeLine,
    FeeNotice,
    ForwardedNotice,
    MissingMaterial,
    NoticeBase,
    ReceiptSlip,
    RefusalNotice,
    ServiceGuide,
    SupplementNotice,
    VoidNotice,
)
from clerk_app.documents.pdf import (
    PAGE_FORMATS,
    DocumentWriteError,
    PaintError,
    paint_document,
    write_pdf,
)
from clerk_app.documents.qr import qr_data_uri, qr_image, qr_payload, qr_png
from clerk_app.documents.queue_ticket import QueueTicketDoc, build_queue_ticket, queue_ticket_url
from clerk_app.documents.render import build_receipt, receipt_qr_payload, render_receipt_html
from clerk_app.documents.texts import DocumentTexts, TemplateError, template_dirs

__all__ = [
    "DEFAULT_COPIES",
    "PAGE_FORMATS",
    "CompletionNotice",
    "ConsolidatedSupplementNotice",
    "Correction",
    "CorrectionNotice",
    "DailyCloseDoc",
    "DeferredLapsedNotice",
    "DeferredNotice",
    "DeferredSuppliedReceipt",
    "DocumentKind",
    "DocumentTexts",
    "DocumentWriteError",
    "FeeLine",
    "FeeNotice",
    "FiledPart",
    "FiscalReceiptDoc",
    "FiscalReceiptRoll",
    "ForwardedNotice",
    "JointCompletionNotice",
    "JointMaterial",
    "JointNoticeBase",
    "JointPartLine",
    "JointReceipt",
    "MaterialLine",
    "MissingMaterial",
    "NoCjkFontError",
    "NoticeBase",
    "PaintError",
    "PaymentNoticeDoc",
    "QueueTicketDoc",
    "ReceiptData",
    "ReceiptSlip",
    "RefundVoucherDoc",
    "RefusalNotice",
    "RenderedDocument",
    "ServiceGuide",
    "StageCompletionNotice",
    "SupplementNotice",
    "TemplateError",
    "VoidNotice",
    "build_daily_close",
    "build_document",
    "build_fiscal_receipt",
    "build_fiscal_receipt_roll",
    "build_guide",
    "build_joint_notice",
    "build_notice",
    "build_payment_notice",
    "build_queue_ticket",
    "build_receipt",
    "build_refund_voucher",
    "build_slip",
    "daily_close_doc",
    "document_kind",
    "document_kinds",
    "fiscal_receipt_doc",
    "joint_qr_payload",
    "paint_document",
    "payment_notice_doc",
    "pick_cjk_family",
    "qr_data_uri",
    "qr_image",
    "qr_payload",
    "qr_png",
    "queue_ticket_url",
    "receipt_qr_payload",
    "register_kind",
    "render_receipt_html",
    "template_dirs",
    "write_pdf",
    "yuan",
    "yuan_in_words",
]
