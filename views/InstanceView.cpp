#include "InstanceView.h"

#include "CaseResultCodec.h"
#include "ClaimEvidenceText.h"
#include "ClaimListView.h"
#include "FindingColors.h"
#include "FindingKinds.h"
#include "FindingWording.h"
#include "ReasoningTraceBar.h"

#include <nlohmann/json.hpp>

#include <QFontMetrics>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

namespace rs {

using nlohmann::json;

namespace {

QString qs(const std::string& s) {
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

// --- UTF-8 text with a byte -> UTF-16 map -------------------------------------------------

// The decoded text and, for every byte offset 0..n, its UTF-16 position or -1 when the
// offset falls inside a character. Decoding is done here (not by QString::fromUtf8) so the
// map and the text cannot disagree on invalid input. Every code point becomes exactly one
// document character (or a surrogate pair), so positions stay valid after insertion;
// characters QTextDocument treats specially are replaced one for one.
struct MappedText {
    QString text;
    std::vector<int> pos;

    // The document range of a byte span, rounded outwards to whole characters; invalid when
    // the span is empty or beyond the text.
    std::optional<std::pair<int, int>> map(std::size_t b, std::size_t e) const {
        const std::size_t n = pos.size() - 1;
        if (b >= e || e > n)
            return std::nullopt;
        while (b > 0 && pos[b] < 0)
            --b;
        while (e < n && pos[e] < 0)
            ++e;
        return std::make_pair(pos[b], pos[e]);
    }
};

MappedText decodeUtf8(std::string_view s) {
    MappedText m;
    const std::size_t n = s.size();
    m.pos.assign(n + 1, -1);
    m.text.reserve(qsizetype(n));
    std::size_t i = 0;
    while (i < n) {
        m.pos[i] = int(m.text.size());
        const auto c = static_cast<unsigned char>(s[i]);
        char32_t cp = 0xFFFD;
        std::size_t len = 1;
        std::size_t need = 0;
        char32_t min = 0;
        if (c < 0x80) {
            cp = c;
        } else if ((c >> 5) == 0x6) {
            need = 1, cp = c & 0x1F, min = 0x80;
        } else if ((c >> 4) == 0xE) {
            need = 2, cp = c & 0x0F, min = 0x800;
        } else if ((c >> 3) == 0x1E) {
            need = 3, cp = c & 0x07, min = 0x10000;
        }
        if (need) {
            bool ok = i + need < n;
            for (std::size_t k = 1; ok && k <= need; ++k) {
                const auto cc = static_cast<unsigned char>(s[i + k]);
                if ((cc >> 6) != 0x2)
                    ok = false;
                else
                    cp = (cp << 6) | (cc & 0x3F);
            }
            if (ok && cp >= min && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF))
                len = need + 1;
            else
                cp = 0xFFFD;
        } else if (c >= 0x80) {
            cp = 0xFFFD;
        }
        // Control characters and QTextDocument's own markers would not show as text or would
        // change the structure; keep tabs and line breaks.
        if (cp == '\r')
            cp = ' ';
        else if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F || cp == 0xFFFC ||
                 cp == 0xFDD0 || cp == 0xFDD1 || cp == 0xFEFF)
            cp = 0xFFFD;
        if (cp > 0xFFFF) {
            m.text.append(QChar(QChar::highSurrogate(cp)));
            m.text.append(QChar(QChar::lowSurrogate(cp)));
        } else {
            m.text.append(QChar(char16_t(cp)));
        }
        i += len;
    }
    m.pos[n] = int(m.text.size());
    return m;
}

QColor blend(const QColor& c, double towardsWhite) {
    const auto mix = [&](int v) { return int(v + (255 - v) * towardsWhite + 0.5); };
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue()));
}

QColor severityColor(const std::optional<Severity>& s) {
    switch (s.value_or(Severity::None)) {
    case Severity::Critical:
        return QColor(0x9b, 0x1c, 0x1c);
    case Severity::Major:
        return QColor(0xc2, 0x5b, 0x00);
    case Severity::Minor:
        return QColor(0x5f, 0x6b, 0x7a);
    case Severity::None:
        break;
    }
    return QColor(0x80, 0x80, 0x80);
}

// Tooltips are shown as rich text when they look like it: make them always rich text and
// escape the untrusted parts.
QString richTip(const QStringList& lines) {
    QStringList escaped;
    for (const QString& l : lines)
        escaped << l.toHtmlEscaped();
    return QStringLiteral("<qt>") + escaped.join(QStringLiteral("<br>")) + QStringLiteral("</qt>");
}

// --- list items: a coloured badge, a bold title and a wrapped body ------------------------

using Role = InstanceView::ItemRole;
constexpr int BadgeRole = Role::BadgeRole, BadgeColorRole = Role::BadgeColorRole,
              TitleRole = Role::TitleRole, TitleColorRole = Role::TitleColorRole,
              BodyRole = Role::BodyRole, IndexRole = Role::IndexRole;

class CardDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static constexpr int kPad = 6;

    void paint(QPainter* p, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget* w = option.widget;
        QStyle* style = w ? w->style() : nullptr;
        if (style)
            style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, p, w);
        const bool selected = option.state & QStyle::State_Selected;
        const QColor textColor =
            option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);

        p->save();
        p->setClipRect(option.rect);
        QRect r = option.rect.adjusted(kPad, kPad, -kPad, -kPad);
        int x = r.left();
        const QFontMetrics fm(option.font);
        const QString badge = index.data(BadgeRole).toString();
        if (!badge.isEmpty()) {
            QFont bf = option.font;
            bf.setBold(true);
            bf.setPointSizeF(bf.pointSizeF() * 0.8);
            const QFontMetrics bfm(bf);
            const QRect br(x, r.top() + (fm.height() - bfm.height() - 2) / 2,
                           bfm.horizontalAdvance(badge) + 8, bfm.height() + 2);
            p->setRenderHint(QPainter::Antialiasing);
            p->setPen(Qt::NoPen);
            p->setBrush(index.data(BadgeColorRole).value<QColor>());
            p->drawRoundedRect(br, 3, 3);
            p->setFont(bf);
            p->setPen(Qt::white);
            p->drawText(br, Qt::AlignCenter, badge);
            x = br.right() + 7;
        }
        QFont tf = option.font;
        tf.setBold(true);
        p->setFont(tf);
        const QColor titleColor = index.data(TitleColorRole).value<QColor>();
        p->setPen(selected || !titleColor.isValid() ? textColor : titleColor);
        const QString title = QFontMetrics(tf).elidedText(index.data(TitleRole).toString(),
                                                          Qt::ElideRight, r.right() - x);
        p->drawText(QRect(x, r.top(), r.right() - x, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                    title);
        const QString body = index.data(BodyRole).toString();
        if (!body.isEmpty()) {
            p->setFont(option.font);
            p->setPen(textColor);
            p->drawText(QRect(r.left(), r.top() + fm.height() + 3, r.width(), r.height()),
                        Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, body);
        }
        p->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override {
        const auto* view = qobject_cast<const QAbstractItemView*>(option.widget);
        int width = view ? view->viewport()->width() : option.rect.width();
        width = std::max(width, 120);
        const QFontMetrics fm(option.font);
        int h = fm.height();
        const QString body = index.data(BodyRole).toString();
        if (!body.isEmpty())
            h += 3 + fm.boundingRect(QRect(0, 0, width - 2 * kPad, 100000),
                                     Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, body)
                         .height();
        return {width, h + 2 * kPad};
    }
};

QListWidget* makeCardList(QWidget* parent) {
    auto* list = new QListWidget(parent);
    list->setItemDelegate(new CardDelegate(list));
    list->setResizeMode(QListView::Adjust);
    list->setUniformItemSizes(false);
    list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    list->setSelectionMode(QAbstractItemView::SingleSelection);
    list->setAlternatingRowColors(true);
    return list;
}

// One mark on the document before formats are combined.
struct Mark {
    enum Kind { Mention, Claim, Finding, Gap } kind;
    int begin, end;
    QString findingType;
    QString tip;
};

// Headings and labels of the document (constant text, so formats only).
QTextCharFormat headingFormat() {
    QTextCharFormat f;
    f.setFontWeight(QFont::Bold);
    f.setFontCapitalization(QFont::AllUppercase);
    f.setFontLetterSpacing(104);
    f.setFontPointSize(QFont().pointSizeF() * 0.85);
    f.setForeground(QColor(0x5f, 0x6b, 0x7a));
    return f;
}

QTextBlockFormat headingBlock(bool first) {
    QTextBlockFormat b;
    b.setTopMargin(first ? 0 : 14);
    b.setBottomMargin(4);
    return b;
}

QTextBlockFormat textBlock() {
    QTextBlockFormat b;
    b.setBottomMargin(4);
    b.setLineHeight(118, QTextBlockFormat::ProportionalHeight);
    return b;
}

// --- the case as a document -----------------------------------------------------------------

// A span of the document in UTF-16 positions; empty when it could not be placed.
struct DocRange {
    int begin = 0, end = 0;
    bool valid() const { return end > begin; }
};

// Writes one case into the document (question, options, output) and collects the marks to
// lay over it; every span of the result is placed through the byte -> UTF-16 maps here.
class CaseDocument {
public:
    explicit CaseDocument(QTextDocument* doc) : doc_(doc), cur_(doc) {}

    std::vector<Mark> marks;

    void writeQuestion(const Case& c) {
        cur_.setBlockFormat(headingBlock(true));
        cur_.insertText(InstanceView::tr("Question"), headingFormat());
        QString where = decodeUtf8(c.key).text;
        if (!c.run.empty())
            where += QStringLiteral(" · ") + decodeUtf8(c.run).text;
        if (!c.model.empty() && c.model != c.run)
            where += QStringLiteral(" · ") + decodeUtf8(c.model).text;
        if (!where.isEmpty())
            cur_.insertText(QStringLiteral("   ") + where, metaFormat());
        cur_.insertBlock(textBlock(), plain_);
        question_ = decodeUtf8(c.question);
        questionStart_ = cur_.position();
        cur_.insertText(question_.text, plain_);
    }

    // Options with the gold and model answers marked; answers naming no option as given.
    void writeOptions(const Case& c, const CaseResult* r) {
        const int nOptions = int(c.options.size());
        const auto optionIndex = [&](int stored, const std::string& answer) {
            if (stored >= 0 && stored < nOptions)
                return stored;
            return answer.empty() ? -1 : matchOption(c.options, answer);
        };
        const int gold = optionIndex(r ? r->anchors.goldOption : -1, c.gold);
        const int predicted = optionIndex(r ? r->anchors.predictedOption : -1, c.prediction);
        const bool wrong = c.correct.has_value()
                               ? !*c.correct
                               : (gold >= 0 && predicted >= 0 && gold != predicted);
        if (!c.options.empty()) {
            cur_.insertBlock(headingBlock(false), plain_);
            cur_.insertText(InstanceView::tr("Options"), headingFormat());
            for (int i = 0; i < nOptions; ++i)
                writeOption(c.options[std::size_t(i)], i == gold, i == predicted, wrong);
        }
        if (gold >= 0 && predicted >= 0)
            return;
        cur_.insertBlock(textBlock(), plain_);
        QTextCharFormat f;
        f.setForeground(QColor(0x5f, 0x6b, 0x7a));
        QStringList parts;
        const QString none = InstanceView::tr("(none)");
        if (gold < 0)
            parts << InstanceView::tr("Gold: %1")
                         .arg(c.gold.empty() ? none : decodeUtf8(c.gold).text);
        if (predicted < 0)
            parts << InstanceView::tr("Model: %1")
                         .arg(c.prediction.empty() ? none : decodeUtf8(c.prediction).text);
        cur_.insertText(parts.join(QStringLiteral("   ")), f);
        if (c.correct.has_value())
            tag(*c.correct ? InstanceView::tr("correct") : InstanceView::tr("wrong"),
                *c.correct ? kGreen : kRed);
    }

    void writeOutput(const Case& c, const CaseResult* r) {
        cur_.insertBlock(headingBlock(false), plain_);
        cur_.insertText(ReasoningTraceBar::outputHeading(c), headingFormat());
        if (r && !r->unanchoredReason.empty()) {
            QTextCharFormat meta = metaFormat();
            meta.setFontItalic(true);
            cur_.insertText(
                QStringLiteral("   ") +
                    InstanceView::tr("unanchored: %1").arg(decodeUtf8(r->unanchoredReason).text),
                meta);
        }
        cur_.insertBlock(textBlock(), plain_);
        output_ = decodeUtf8(c.output);
        outputStart_ = cur_.position();
        cur_.insertText(output_.text, plain_);
        if (const QString note = ReasoningTraceBar::missingOutputNote(c); !note.isEmpty())
            cur_.insertText(note, metaFormat());
    }

    DocRange outputRange() const { return {outputStart_, outputStart_ + int(output_.text.size())}; }

    DocRange outRange(const CaseResult::Span& s) const { return place(output_, outputStart_, s); }
    DocRange questionRange(const CaseResult::Span& s) const {
        return place(question_, questionStart_, s);
    }

    // A coverage gap's span lies in the question or the output, as its "where" says.
    DocRange gapRange(const CaseResult::Gap& g) const {
        if (g.where == "question")
            return place(question_, questionStart_, g.span);
        if (g.where == "output" || g.where == "claim")
            return place(output_, outputStart_, g.span);
        return {};
    }

    void markMentionsAndClaims(const CaseResult& r) {
        for (const CaseResult::Mention& m : r.mentions) {
            const DocRange range = outRange(m.span);
            if (!range.valid())
                continue;
            QString tip = InstanceView::tr("Mention → %1").arg(qs(m.node));
            if (m.score)
                tip += InstanceView::tr(" (score %1)").arg(*m.score, 0, 'f', 2);
            if (!m.matched.empty())
                tip += InstanceView::tr(", matched “%1”").arg(qs(m.matched));
            marks.push_back({Mark::Mention, range.begin, range.end, {}, tip});
        }
        for (const CaseResult::Claim& cl : r.claims) {
            const DocRange range = outRange(cl.span);
            if (!range.valid())
                continue;
            QString tip =
                InstanceView::tr("Claim: %1 %2 %3").arg(qs(cl.head), qs(cl.relation), qs(cl.tail));
            if (cl.polarity)
                tip += QStringLiteral(" [") + QLatin1String(toString(*cl.polarity)) +
                       QStringLiteral("]");
            if (!cl.cue.empty())
                tip += InstanceView::tr(", cue “%1”").arg(qs(cl.cue));
            if (cl.pattern)
                tip += InstanceView::tr(", read as %1").arg(qs(claimPatternLabel(*cl.pattern)));
            if (!cl.headLinked || !cl.tailLinked)
                tip += InstanceView::tr(" — “%1” has no KG concept: unverified, not checked")
                           .arg(qs(cl.headLinked ? cl.tail : cl.head));
            marks.push_back({Mark::Claim, range.begin, range.end, {}, tip});
        }
    }

    // Combines overlapping marks: cuts the text at every mark boundary and gives each piece
    // the union of its marks (a finding's tint wins over a mention's background; a gap's
    // dotted underline over a claim's line) and all their tooltips.
    void applyMarks() {
        std::vector<int> cuts;
        for (const Mark& m : marks)
            cuts.push_back(m.begin), cuts.push_back(m.end);
        std::sort(cuts.begin(), cuts.end());
        cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
        std::sort(marks.begin(), marks.end(),
                  [](const Mark& a, const Mark& b) { return a.begin < b.begin; });
        for (std::size_t k = 0; k + 1 < cuts.size(); ++k)
            applyPiece(cuts[k], cuts[k + 1]);
    }

private:
    static DocRange place(const MappedText& text, int start, const CaseResult::Span& s) {
        const auto m = text.map(s.begin, s.end);
        return m ? DocRange{start + m->first, start + m->second} : DocRange{};
    }

    static QTextCharFormat metaFormat() {
        QTextCharFormat meta = headingFormat();
        meta.setFontCapitalization(QFont::MixedCase);
        meta.setFontWeight(QFont::Normal);
        meta.setFontLetterSpacing(100);
        return meta;
    }

    void tag(const QString& text, const QColor& color) {
        QTextCharFormat f;
        f.setBackground(color);
        f.setForeground(Qt::white);
        f.setFontWeight(QFont::Bold);
        f.setFontPointSize(QFont().pointSizeF() * 0.8);
        cur_.insertText(QStringLiteral(" "), plain_);
        cur_.insertText(QStringLiteral("\u00a0") + text + QStringLiteral("\u00a0"), f);
    }

    void writeOption(const AnswerOption& o, bool isGold, bool isPred, bool wrong) {
        cur_.insertBlock(textBlock(), plain_);
        QTextCharFormat f;
        QString mark = QStringLiteral("   ");
        if (isGold) {
            f.setForeground(kGreen);
            f.setFontWeight(QFont::Bold);
            mark = QStringLiteral("✓ ");
        } else if (isPred && wrong) {
            f.setForeground(kRed);
            f.setFontWeight(QFont::Bold);
            mark = QStringLiteral("✗ ");
        }
        cur_.insertText(
            mark + decodeUtf8(o.label).text + QStringLiteral(") ") + decodeUtf8(o.text).text, f);
        if (isGold)
            tag(InstanceView::tr("gold"), kGreen);
        if (isPred)
            tag(InstanceView::tr("model"), wrong ? kRed : kGreen);
    }

    void applyPiece(int a, int b) {
        QTextCharFormat f;
        QStringList tips;
        bool any = false, finding = false, gap = false;
        for (const Mark& m : marks) {
            if (m.begin >= b)
                break;
            if (m.end <= a)
                continue;
            any = true;
            tips << m.tip;
            switch (m.kind) {
            case Mark::Mention:
                if (!finding)
                    f.setBackground(InstanceView::mentionBackground());
                break;
            case Mark::Finding:
                if (!finding)
                    f.setBackground(InstanceView::classTint(m.findingType));
                finding = true;
                break;
            case Mark::Claim:
                if (!gap) {
                    f.setUnderlineStyle(QTextCharFormat::SingleUnderline);
                    f.setUnderlineColor(InstanceView::claimUnderline());
                }
                break;
            case Mark::Gap:
                f.setUnderlineStyle(QTextCharFormat::DotLine);
                f.setUnderlineColor(InstanceView::gapUnderline());
                gap = true;
                break;
            }
        }
        if (!any)
            return;
        f.setToolTip(richTip(tips));
        QTextCursor piece(doc_);
        piece.setPosition(a);
        piece.setPosition(b, QTextCursor::KeepAnchor);
        piece.mergeCharFormat(f);
    }

    static inline const QColor kGreen{0x1b, 0x7f, 0x3b};
    static inline const QColor kRed{0xc6, 0x28, 0x28};
    QTextDocument* doc_;
    QTextCursor cur_;
    const QTextCharFormat plain_;
    MappedText question_, output_;
    int questionStart_ = 0, outputStart_ = 0;
};

// The card of one finding in the list, and its mark in the text.
void addFindingCard(QListWidget* list, CaseDocument& d, const CaseResult& result,
                    const CaseResult::Finding& f, int index, DocRange range,
                    DocRange questionRange) {
    const QString type = QLatin1String(CaseResult::typeName(f));
    const QString subtype = qs(f.subtype);
    const QString severity = QLatin1String(f.severity ? severityName(*f.severity) : "");
    const QString explanation =
        qs(wordFinding(result, f).text()); // clinical sentence, then KG detail
    if (range.valid())
        d.marks.push_back({Mark::Finding, range.begin, range.end, type,
                           InstanceView::tr("Finding %1: %2 / %3 (%4)")
                               .arg(index + 1)
                               .arg(type, subtype, severity)});
    // A reading finding also marks what the question says; both marks name the finding.
    if (questionRange.valid())
        d.marks.push_back({Mark::Finding, questionRange.begin, questionRange.end, type,
                           InstanceView::tr("Finding %1: what the question says (%2 / %3)")
                               .arg(index + 1)
                               .arg(type, subtype)});
    auto* item = new QListWidgetItem(list);
    item->setData(IndexRole, index);
    item->setData(BadgeRole, severity.isEmpty() ? QStringLiteral("?") : severity.toUpper());
    item->setData(BadgeColorRole, severityColor(f.severity));
    QString title = type.isEmpty() ? InstanceView::tr("finding") : type;
    if (!subtype.isEmpty())
        title += QStringLiteral(" / ") + subtype;
    if (f.step >= 0)
        title += InstanceView::tr("  · step %1").arg(f.step);
    item->setData(TitleRole, title);
    item->setData(TitleColorRole, findingTypeColor(f.type).darker(125));
    item->setData(BodyRole, explanation);
    QStringList nodes;
    for (const std::string& n : f.nodes)
        nodes << qs(n);
    QStringList tip{title, explanation};
    if (!nodes.isEmpty())
        tip << InstanceView::tr("Nodes: %1").arg(nodes.join(QStringLiteral(", ")));
    if (!range.valid())
        tip << InstanceView::tr("(no span in the output)");
    item->setToolTip(richTip(tip));
}

void addGapCard(QListWidget* list, CaseDocument& d, const CaseResult::Gap& g, int row,
                DocRange range) {
    const QString text = qs(g.text);
    const QString reason = qs(g.reason);
    if (range.valid())
        d.marks.push_back({Mark::Gap,
                           range.begin,
                           range.end,
                           {},
                           InstanceView::tr("Coverage gap: “%1” (%2)").arg(text, reason)});
    auto* item = new QListWidgetItem(list);
    item->setData(IndexRole, row);
    item->setData(BadgeRole, qs(g.where).toUpper());
    item->setData(BadgeColorRole, QColor(0x8a, 0x8f, 0x98));
    item->setData(TitleRole, QStringLiteral("“") + text + QStringLiteral("”"));
    item->setData(BodyRole, reason);
    item->setToolTip(richTip({text, qs(g.where), reason}));
}

} // namespace

// --- InstanceView --------------------------------------------------------------------------

QColor InstanceView::strongColor(const QString& type) {
    // Dark enough for white text (the orange and purple are too light as they are).
    const bool relation = findingTypeFromName(type.toStdString()) == FindingType::Relation;
    return findingTypeColor(type).darker(relation ? 110 : 135);
}

QColor InstanceView::classTint(const QString& type) {
    return blend(findingTypeColor(type), 0.72);
}

QColor InstanceView::mentionBackground() {
    return QColor(0xe3, 0xee, 0xfb);
}

QColor InstanceView::claimUnderline() {
    return QColor(0x1f, 0x4e, 0x99);
}

QColor InstanceView::gapUnderline() {
    return QColor(0x80, 0x80, 0x80);
}

InstanceView::InstanceView(QWidget* parent) : QWidget(parent) {
    stack_ = new QStackedWidget(this);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(stack_);

    empty_ = new QLabel(tr("Select a case to read its reasoning"), stack_);
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setTextFormat(Qt::PlainText);
    empty_->setEnabled(false);
    stack_->addWidget(empty_);

    auto* splitter = new QSplitter(Qt::Horizontal, stack_);
    stack_->addWidget(splitter);

    auto* left = new QWidget(splitter);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(4);
    text_ = new QTextBrowser(left);
    text_->setOpenLinks(false);
    text_->setOpenExternalLinks(false);
    text_->setUndoRedoEnabled(false);
    text_->document()->setDocumentMargin(12);
    traceBar_ = new ReasoningTraceBar(text_->document(), left);
    leftLayout->addWidget(traceBar_);
    leftLayout->addWidget(text_, 1);
    // A legend of the marks; only constant text, so rich text is safe here.
    const auto swatch = [](const QString& style, const QString& label) {
        return QStringLiteral("<span style=\"%1\">&nbsp;%2&nbsp;</span>").arg(style, label);
    };
    QStringList legend;
    legend << swatch(QStringLiteral("background:%1").arg(mentionBackground().name()), tr("mention"))
           << swatch(QStringLiteral("text-decoration:underline; color:%1")
                         .arg(claimUnderline().name()),
                     tr("claim"));
    for (FindingType type : kAllFindingTypes) {
        const QString t = QLatin1String(findingTypeName(type));
        legend << swatch(QStringLiteral("background:%1").arg(classTint(t).name()), t);
    }
    legend << swatch(QStringLiteral("color:%1").arg(gapUnderline().name()), tr("┈ coverage gap"));
    auto* legendLabel = new QLabel(legend.join(QLatin1Char(' ')), left);
    legendLabel->setTextFormat(Qt::RichText);
    legendLabel->setContentsMargins(6, 0, 6, 4);
    leftLayout->addWidget(legendLabel);

    auto* right = new QSplitter(Qt::Vertical, splitter);
    auto* findingsBox = new QWidget(right);
    auto* fl = new QVBoxLayout(findingsBox);
    fl->setContentsMargins(4, 4, 4, 0);
    findingsTitle_ = new QLabel(findingsBox);
    findingsTitle_->setTextFormat(Qt::PlainText);
    QFont bold = findingsTitle_->font();
    bold.setBold(true);
    findingsTitle_->setFont(bold);
    findings_ = makeCardList(findingsBox);
    fl->addWidget(findingsTitle_);
    fl->addWidget(findings_, 1);

    auto* gapsBox = new QWidget(right);
    auto* gl = new QVBoxLayout(gapsBox);
    gl->setContentsMargins(4, 4, 4, 0);
    gapsTitle_ = new QLabel(gapsBox);
    gapsTitle_->setTextFormat(Qt::PlainText);
    gapsTitle_->setFont(bold);
    gapsTitle_->setToolTip(tr("Entities the knowledge graph cannot place; not model errors."));
    gaps_ = makeCardList(gapsBox);
    gl->addWidget(gapsTitle_);
    gl->addWidget(gaps_, 1);
    claims_ = new ClaimListView(right);
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);
    right->setStretchFactor(2, 2);

    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({600, 400});

    connect(findings_, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem* current) { onFindingChanged(current); });
    connect(gaps_, &QListWidget::currentItemChanged, this,
            [this](QListWidgetItem* current) { onGapChanged(current); });

    clear();
}

InstanceView::~InstanceView() = default;

bool InstanceView::isEmptyState() const {
    return stack_->currentWidget() == empty_;
}

void InstanceView::clear() {
    const bool hadSelection = selectedFinding_ >= 0;
    {
        const QSignalBlocker b1(findings_), b2(gaps_);
        findings_->clear();
        gaps_->clear();
    }
    text_->setExtraSelections({});
    text_->document()->clear();
    claims_->clear();
    findingRanges_.clear();
    findingQuestionRanges_.clear();
    findingTypes_.clear();
    gapRanges_.clear();
    selectedFinding_ = -1;
    stack_->setCurrentWidget(empty_);
    if (hadSelection)
        emit findingSelected(-1);
}

void InstanceView::showCase(const Case& c, const json& analysis) {
    if (analysis.is_null()) {
        showCase(c, nullptr);
        return;
    }
    const CaseResult result = decodeCaseResult(analysis);
    showCase(c, &result);
}

void InstanceView::showCase(const Case& c, const CaseResult* result) {
    {
        const QSignalBlocker b1(findings_), b2(gaps_);
        findings_->clear();
        gaps_->clear();
    }
    selectedFinding_ = -1;
    text_->setExtraSelections({});
    findingRanges_.clear();
    findingTypes_.clear();
    gapRanges_.clear();
    text_->document()->clear();

    CaseDocument d(text_->document());
    d.writeQuestion(c);
    d.writeOptions(c, result);
    d.writeOutput(c, result);
    if (result) {
        d.markMentionsAndClaims(*result);
        for (std::size_t i = 0; i < result->findings.size(); ++i) {
            const CaseResult::Finding& f = result->findings[i];
            const DocRange r = f.readable ? d.outRange(f.span) : DocRange{};
            const DocRange q = f.readable ? d.questionRange(f.questionSpan) : DocRange{};
            findingRanges_.push_back({r.begin, r.end});
            findingQuestionRanges_.push_back({q.begin, q.end});
            findingTypes_.push_back(QLatin1String(CaseResult::typeName(f)));
            if (f.readable)
                addFindingCard(findings_, d, *result, f, int(i), r, q);
        }
        for (const CaseResult::Gap& g : result->coverageGaps) {
            const DocRange r = d.gapRange(g);
            addGapCard(gaps_, d, g, int(gapRanges_.size()), r);
            gapRanges_.push_back({r.begin, r.end});
        }
    }
    d.applyMarks();
    claims_->showClaims(result);
    traceBar_->showCase(c, d.outputRange().begin, d.outputRange().end);

    findingsTitle_->setText(tr("Findings (%1)").arg(findings_->count()));
    gapsTitle_->setText(tr("Coverage gaps (%1) — not model errors").arg(gaps_->count()));
    if (findings_->count() == 0) {
        auto* none = new QListWidgetItem(findings_);
        none->setFlags(Qt::NoItemFlags);
        none->setData(IndexRole, -1);
        none->setData(TitleRole, result ? tr("No findings") : tr("Not analysed yet"));
    }

    text_->moveCursor(QTextCursor::Start);
    text_->verticalScrollBar()->setValue(0);
    stack_->setCurrentWidget(stack_->widget(1));
}

void InstanceView::highlight(Range r, const QColor& color) {
    highlight(r, color, Range{});
}

void InstanceView::highlight(Range r, const QColor& color, Range questionSpan) {
    if (!r.valid()) {
        text_->setExtraSelections({});
        return;
    }
    traceBar_->reveal(r.begin);
    QList<QTextEdit::ExtraSelection> sels;
    for (const Range& each : {r, questionSpan}) {
        if (!each.valid())
            continue;
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(text_->document());
        sel.cursor.setPosition(each.begin);
        sel.cursor.setPosition(each.end, QTextCursor::KeepAnchor);
        sel.format.setBackground(color);
        sel.format.setForeground(Qt::white);
        sels.push_back(sel);
    }
    text_->setExtraSelections(sels);
    // Show the end first, then the beginning, so that as much as fits is visible.
    QTextCursor c(text_->document());
    c.setPosition(r.end);
    text_->setTextCursor(c);
    text_->ensureCursorVisible();
    c.setPosition(r.begin);
    text_->setTextCursor(c);
    text_->ensureCursorVisible();
}

QString InstanceView::highlightedText() const {
    const auto sels = text_->extraSelections();
    if (sels.isEmpty())
        return {};
    return sels.front().cursor.selectedText();
}

void InstanceView::selectFinding(int index) {
    for (int row = 0; row < findings_->count(); ++row) {
        QListWidgetItem* item = findings_->item(row);
        if (index >= 0 && item->data(IndexRole).toInt() == index &&
            (item->flags() & Qt::ItemIsEnabled)) {
            findings_->setCurrentItem(item);
            return;
        }
    }
    findings_->setCurrentItem(nullptr);
    if (selectedFinding_ >= 0)
        onFindingChanged(nullptr);
}

void InstanceView::onFindingChanged(QListWidgetItem* current) {
    const int index = current ? current->data(IndexRole).toInt() : -1;
    if (index >= 0 && std::size_t(index) < findingRanges_.size()) {
        {
            const QSignalBlocker block(gaps_);
            gaps_->setCurrentItem(nullptr);
        }
        highlight(findingRanges_[std::size_t(index)],
                  strongColor(findingTypes_[std::size_t(index)]),
                  findingQuestionRanges_[std::size_t(index)]);
    } else {
        highlight({}, {});
    }
    const int selected = index >= 0 && std::size_t(index) < findingRanges_.size() ? index : -1;
    if (selected == selectedFinding_)
        return;
    selectedFinding_ = selected;
    emit findingSelected(selected);
}

void InstanceView::onGapChanged(QListWidgetItem* current) {
    const int index = current ? current->data(IndexRole).toInt() : -1;
    if (index < 0 || std::size_t(index) >= gapRanges_.size())
        return;
    if (selectedFinding_ >= 0) {
        const QSignalBlocker block(findings_);
        findings_->setCurrentItem(nullptr);
        selectedFinding_ = -1;
        emit findingSelected(-1);
    }
    highlight(gapRanges_[std::size_t(index)], QColor(0x6f, 0x74, 0x7c));
}

} // namespace rs
