#include "InstanceView.h"

#include "FindingColors.h"

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

// --- untrusted JSON, read without throwing ------------------------------------------------

std::string jsonString(const json& obj, const char* key)
{
    if (!obj.is_object())
        return {};
    const auto it = obj.find(key);
    return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<double> jsonNumber(const json& obj, const char* key)
{
    if (!obj.is_object())
        return std::nullopt;
    const auto it = obj.find(key);
    if (it == obj.end() || !it->is_number())
        return std::nullopt;
    return it->get<double>();
}

std::optional<long long> jsonInt(const json& obj, const char* key)
{
    if (!obj.is_object())
        return std::nullopt;
    const auto it = obj.find(key);
    if (it == obj.end())
        return std::nullopt;
    if (it->is_number_unsigned())
        return it->get<unsigned long long>() > 1ull << 53 ? std::nullopt
                                                            : std::optional<long long>(it->get<long long>());
    if (it->is_number_integer())
        return it->get<long long>();
    return std::nullopt;
}

const json& jsonArray(const json& obj, const char* key)
{
    static const json empty = json::array();
    if (!obj.is_object())
        return empty;
    const auto it = obj.find(key);
    return it != obj.end() && it->is_array() ? *it : empty;
}

// [begin, end] as two non-negative integers, begin <= end; nullopt otherwise.
std::optional<std::pair<std::size_t, std::size_t>> jsonSpan(const json& obj)
{
    if (!obj.is_object())
        return std::nullopt;
    const auto it = obj.find("span");
    if (it == obj.end() || !it->is_array() || it->size() != 2)
        return std::nullopt;
    const json& b = (*it)[0];
    const json& e = (*it)[1];
    if (!b.is_number_unsigned() || !e.is_number_unsigned()) // negative ints are number_integer
        return std::nullopt;
    const auto bv = b.get<unsigned long long>();
    const auto ev = e.get<unsigned long long>();
    if (bv > ev)
        return std::nullopt;
    return std::make_pair(std::size_t(bv), std::size_t(ev));
}

QString qs(const std::string& s)
{
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
    std::optional<std::pair<int, int>> map(std::size_t b, std::size_t e) const
    {
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

MappedText decodeUtf8(std::string_view s)
{
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
        else if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7F || cp == 0xFFFC
                 || cp == 0xFDD0 || cp == 0xFDD1 || cp == 0xFEFF)
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

QColor blend(const QColor& c, double towardsWhite)
{
    const auto mix = [&](int v) { return int(v + (255 - v) * towardsWhite + 0.5); };
    return QColor(mix(c.red()), mix(c.green()), mix(c.blue()));
}

QString severityLabel(const std::string& s)
{
    return s.empty() ? QStringLiteral("?") : qs(s).toUpper();
}

QColor severityColor(const std::string& s)
{
    if (s == "critical")
        return QColor(0x9b, 0x1c, 0x1c);
    if (s == "major")
        return QColor(0xc2, 0x5b, 0x00);
    if (s == "minor")
        return QColor(0x5f, 0x6b, 0x7a);
    return QColor(0x80, 0x80, 0x80);
}

// Tooltips are shown as rich text when they look like it: make them always rich text and
// escape the untrusted parts.
QString richTip(const QStringList& lines)
{
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

    void paint(QPainter* p, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget* w = option.widget;
        QStyle* style = w ? w->style() : nullptr;
        if (style)
            style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, p, w);
        const bool selected = option.state & QStyle::State_Selected;
        const QColor textColor = option.palette.color(
            selected ? QPalette::HighlightedText : QPalette::Text);

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

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
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

QListWidget* makeCardList(QWidget* parent)
{
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
QTextCharFormat headingFormat()
{
    QTextCharFormat f;
    f.setFontWeight(QFont::Bold);
    f.setFontCapitalization(QFont::AllUppercase);
    f.setFontLetterSpacing(104);
    f.setFontPointSize(QFont().pointSizeF() * 0.85);
    f.setForeground(QColor(0x5f, 0x6b, 0x7a));
    return f;
}

QTextBlockFormat headingBlock(bool first)
{
    QTextBlockFormat b;
    b.setTopMargin(first ? 0 : 14);
    b.setBottomMargin(4);
    return b;
}

QTextBlockFormat textBlock()
{
    QTextBlockFormat b;
    b.setBottomMargin(4);
    b.setLineHeight(118, QTextBlockFormat::ProportionalHeight);
    return b;
}

} // namespace

// --- InstanceView --------------------------------------------------------------------------

QColor InstanceView::strongColor(const QString& type)
{
    // Dark enough for white text (the orange and purple are too light as they are).
    return findingTypeColor(type).darker(type == QLatin1String("relation") ? 110 : 135);
}

QColor InstanceView::classTint(const QString& type)
{
    return blend(findingTypeColor(type), 0.72);
}

QColor InstanceView::mentionBackground()
{
    return QColor(0xe3, 0xee, 0xfb);
}

QColor InstanceView::claimUnderline()
{
    return QColor(0x1f, 0x4e, 0x99);
}

QColor InstanceView::gapUnderline()
{
    return QColor(0x80, 0x80, 0x80);
}

InstanceView::InstanceView(QWidget* parent)
    : QWidget(parent)
{
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
    leftLayout->addWidget(text_, 1);
    // A legend of the marks; only constant text, so rich text is safe here.
    const auto swatch = [](const QString& style, const QString& label) {
        return QStringLiteral("<span style=\"%1\">&nbsp;%2&nbsp;</span>").arg(style, label);
    };
    QStringList legend;
    legend << swatch(QStringLiteral("background:%1").arg(mentionBackground().name()), tr("mention"))
           << swatch(QStringLiteral("text-decoration:underline; color:%1").arg(claimUnderline().name()),
                     tr("claim"));
    for (const char* t : {"relation", "branch", "missing", "grounding"})
        legend << swatch(QStringLiteral("background:%1").arg(classTint(QLatin1String(t)).name()),
                         QLatin1String(t));
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
    right->setStretchFactor(0, 3);
    right->setStretchFactor(1, 1);

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

bool InstanceView::isEmptyState() const
{
    return stack_->currentWidget() == empty_;
}

void InstanceView::clear()
{
    const bool hadSelection = selectedFinding_ >= 0;
    {
        const QSignalBlocker b1(findings_), b2(gaps_);
        findings_->clear();
        gaps_->clear();
    }
    text_->setExtraSelections({});
    text_->document()->clear();
    findingRanges_.clear();
    findingTypes_.clear();
    gapRanges_.clear();
    selectedFinding_ = -1;
    stack_->setCurrentWidget(empty_);
    if (hadSelection)
        emit findingSelected(-1);
}

void InstanceView::showCase(const Case& c, const json& analysis)
{
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

    QTextDocument* doc = text_->document();
    doc->clear();
    QTextCursor cur(doc);
    const QTextCharFormat plain;

    // Header: key, run and model, then the question.
    cur.setBlockFormat(headingBlock(true));
    cur.insertText(tr("Question"), headingFormat());
    {
        QTextCharFormat meta = headingFormat();
        meta.setFontCapitalization(QFont::MixedCase);
        meta.setFontWeight(QFont::Normal);
        meta.setFontLetterSpacing(100);
        QString where = decodeUtf8(c.key).text;
        if (!c.run.empty())
            where += QStringLiteral(" · ") + decodeUtf8(c.run).text;
        if (!c.model.empty() && c.model != c.run)
            where += QStringLiteral(" · ") + decodeUtf8(c.model).text;
        if (!where.isEmpty())
            cur.insertText(QStringLiteral("   ") + where, meta);
    }
    cur.insertBlock(textBlock(), plain);
    const MappedText question = decodeUtf8(c.question);
    const int questionStart = cur.position();
    cur.insertText(question.text, plain);

    // Options, gold and model answers marked.
    const json& anchors = analysis.is_object() && analysis.contains("anchors") ? analysis["anchors"]
                                                                                 : json();
    const int nOptions = int(c.options.size());
    const auto optionIndex = [&](const char* key, const std::string& answer) {
        const auto v = jsonInt(anchors, key);
        if (v && *v >= 0 && *v < nOptions)
            return int(*v);
        return answer.empty() ? -1 : matchOption(c.options, answer);
    };
    const int gold = optionIndex("gold_option", c.gold);
    const int predicted = optionIndex("predicted_option", c.prediction);
    bool wrong = c.correct.has_value() ? !*c.correct : (gold >= 0 && predicted >= 0 && gold != predicted);
    const QColor green(0x1b, 0x7f, 0x3b), red(0xc6, 0x28, 0x28);
    const auto tag = [&](const QString& text, const QColor& color) {
        QTextCharFormat f;
        f.setBackground(color);
        f.setForeground(Qt::white);
        f.setFontWeight(QFont::Bold);
        f.setFontPointSize(QFont().pointSizeF() * 0.8);
        cur.insertText(QStringLiteral(" "), plain);
        cur.insertText(QStringLiteral("\u00a0") + text + QStringLiteral("\u00a0"), f);
    };
    if (!c.options.empty()) {
        cur.insertBlock(headingBlock(false), plain);
        cur.insertText(tr("Options"), headingFormat());
        for (int i = 0; i < nOptions; ++i) {
            const AnswerOption& o = c.options[std::size_t(i)];
            cur.insertBlock(textBlock(), plain);
            const bool isGold = i == gold;
            const bool isPred = i == predicted;
            QTextCharFormat f;
            QString mark = QStringLiteral("   ");
            if (isGold) {
                f.setForeground(green);
                f.setFontWeight(QFont::Bold);
                mark = QStringLiteral("✓ ");
            } else if (isPred && wrong) {
                f.setForeground(red);
                f.setFontWeight(QFont::Bold);
                mark = QStringLiteral("✗ ");
            }
            cur.insertText(mark + decodeUtf8(o.label).text + QStringLiteral(") ") + decodeUtf8(o.text).text,
                           f);
            if (isGold)
                tag(tr("gold"), green);
            if (isPred)
                tag(tr("model"), wrong ? red : green);
        }
    }
    // Answers that name no option are shown as given.
    if (gold < 0 || predicted < 0) {
        cur.insertBlock(textBlock(), plain);
        QTextCharFormat f;
        f.setForeground(QColor(0x5f, 0x6b, 0x7a));
        QStringList parts;
        if (gold < 0)
            parts << tr("Gold: %1").arg(c.gold.empty() ? tr("(none)") : decodeUtf8(c.gold).text);
        if (predicted < 0)
            parts << tr("Model: %1").arg(c.prediction.empty() ? tr("(none)") : decodeUtf8(c.prediction).text);
        cur.insertText(parts.join(QStringLiteral("   ")), f);
        if (c.correct.has_value())
            tag(*c.correct ? tr("correct") : tr("wrong"), *c.correct ? green : red);
    }

    // The output.
    cur.insertBlock(headingBlock(false), plain);
    cur.insertText(tr("Model output"), headingFormat());
    {
        const std::string reason = jsonString(analysis, "unanchored_reason");
        if (!reason.empty()) {
            QTextCharFormat meta = headingFormat();
            meta.setFontCapitalization(QFont::MixedCase);
            meta.setFontWeight(QFont::Normal);
            meta.setFontLetterSpacing(100);
            meta.setFontItalic(true);
            cur.insertText(QStringLiteral("   ") + tr("unanchored: %1").arg(decodeUtf8(reason).text), meta);
        }
    }
    cur.insertBlock(textBlock(), plain);
    const MappedText output = decodeUtf8(c.output);
    const int outputStart = cur.position();
    cur.insertText(output.text, plain);

    const auto outRange = [&](const json& obj) -> Range {
        const auto span = jsonSpan(obj);
        if (!span)
            return {};
        const auto r = output.map(span->first, span->second);
        return r ? Range{outputStart + r->first, outputStart + r->second} : Range{};
    };

    // Marks.
    std::vector<Mark> marks;
    for (const json& m : jsonArray(analysis, "mentions")) {
        const Range r = outRange(m);
        if (!r.valid())
            continue;
        QString tip = tr("Mention → %1").arg(qs(jsonString(m, "node")));
        if (const auto s = jsonNumber(m, "score"))
            tip += tr(" (score %1)").arg(*s, 0, 'f', 2);
        const std::string matched = jsonString(m, "matched");
        if (!matched.empty())
            tip += tr(", matched “%1”").arg(qs(matched));
        marks.push_back({Mark::Mention, r.begin, r.end, {}, tip});
    }
    for (const json& cl : jsonArray(analysis, "claims")) {
        const Range r = outRange(cl);
        if (!r.valid())
            continue;
        QString tip = tr("Claim: %1 %2 %3")
                          .arg(qs(jsonString(cl, "head")), qs(jsonString(cl, "relation")),
                               qs(jsonString(cl, "tail")));
        const std::string polarity = jsonString(cl, "polarity");
        if (!polarity.empty())
            tip += QStringLiteral(" [") + qs(polarity) + QStringLiteral("]");
        const std::string cue = jsonString(cl, "cue");
        if (!cue.empty())
            tip += tr(", cue “%1”").arg(qs(cue));
        marks.push_back({Mark::Claim, r.begin, r.end, {}, tip});
    }

    const json& findings = jsonArray(analysis, "findings");
    findingRanges_.assign(findings.size(), Range{});
    findingTypes_.assign(findings.size(), QString());
    for (std::size_t i = 0; i < findings.size(); ++i) {
        const json& f = findings[i];
        if (!f.is_object())
            continue;
        const QString type = qs(jsonString(f, "type"));
        const QString subtype = qs(jsonString(f, "subtype"));
        const std::string severity = jsonString(f, "severity");
        const QString explanation = qs(jsonString(f, "explanation"));
        Range r = outRange(f);
        findingTypes_[i] = type;
        findingRanges_[i] = r;
        if (r.valid())
            marks.push_back({Mark::Finding, r.begin, r.end, type,
                             tr("Finding %1: %2 / %3 (%4)")
                                 .arg(int(i) + 1)
                                 .arg(type, subtype, qs(severity))});

        auto* item = new QListWidgetItem(findings_);
        item->setData(IndexRole, int(i));
        item->setData(BadgeRole, severityLabel(severity));
        item->setData(BadgeColorRole, severityColor(severity));
        QString title = type.isEmpty() ? tr("finding") : type;
        if (!subtype.isEmpty())
            title += QStringLiteral(" / ") + subtype;
        if (const auto step = jsonInt(f, "step"); step && *step >= 0)
            title += tr("  · step %1").arg(*step);
        item->setData(TitleRole, title);
        item->setData(TitleColorRole, findingTypeColor(type).darker(125));
        item->setData(BodyRole, explanation);
        QStringList nodes;
        for (const json& n : jsonArray(f, "nodes"))
            if (n.is_string())
                nodes << qs(n.get<std::string>());
        QStringList tip{title, explanation};
        if (!nodes.isEmpty())
            tip << tr("Nodes: %1").arg(nodes.join(QStringLiteral(", ")));
        if (!r.valid())
            tip << tr("(no span in the output)");
        item->setToolTip(richTip(tip));
    }

    for (const json& g : jsonArray(analysis, "coverage_gaps")) {
        if (!g.is_object())
            continue;
        const std::string where = jsonString(g, "where");
        Range r;
        if (const auto span = jsonSpan(g)) {
            const MappedText* text = where == "question" ? &question
                                     : (where == "output" || where == "claim") ? &output
                                                                                : nullptr;
            const int start = where == "question" ? questionStart : outputStart;
            if (text)
                if (const auto m = text->map(span->first, span->second))
                    r = Range{start + m->first, start + m->second};
        }
        const QString text = qs(jsonString(g, "text"));
        const QString reason = qs(jsonString(g, "reason"));
        if (r.valid())
            marks.push_back({Mark::Gap, r.begin, r.end, {},
                             tr("Coverage gap: “%1” (%2)").arg(text, reason)});
        auto* item = new QListWidgetItem(gaps_);
        item->setData(IndexRole, int(gapRanges_.size()));
        item->setData(BadgeRole, qs(where).toUpper());
        item->setData(BadgeColorRole, QColor(0x8a, 0x8f, 0x98));
        item->setData(TitleRole, QStringLiteral("“") + text + QStringLiteral("”"));
        item->setData(BodyRole, reason);
        item->setToolTip(richTip({text, qs(where), reason}));
        gapRanges_.push_back(r);
    }

    // Combine overlapping marks: cut the text at every mark boundary and give each piece
    // the union of its marks (a finding's tint wins over a mention's background; a gap's
    // dotted underline over a claim's line) and all their tooltips.
    std::vector<int> cuts;
    for (const Mark& m : marks)
        cuts.push_back(m.begin), cuts.push_back(m.end);
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
    std::sort(marks.begin(), marks.end(),
              [](const Mark& a, const Mark& b) { return a.begin < b.begin; });
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        const int a = cuts[k], b = cuts[k + 1];
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
                    f.setBackground(mentionBackground());
                break;
            case Mark::Finding:
                if (!finding)
                    f.setBackground(classTint(m.findingType));
                finding = true;
                break;
            case Mark::Claim:
                if (!gap) {
                    f.setUnderlineStyle(QTextCharFormat::SingleUnderline);
                    f.setUnderlineColor(claimUnderline());
                }
                break;
            case Mark::Gap:
                f.setUnderlineStyle(QTextCharFormat::DotLine);
                f.setUnderlineColor(gapUnderline());
                gap = true;
                break;
            }
        }
        if (!any)
            continue;
        f.setToolTip(richTip(tips));
        QTextCursor piece(doc);
        piece.setPosition(a);
        piece.setPosition(b, QTextCursor::KeepAnchor);
        piece.mergeCharFormat(f);
    }

    findingsTitle_->setText(tr("Findings (%1)").arg(findings_->count()));
    gapsTitle_->setText(tr("Coverage gaps (%1) — not model errors").arg(gaps_->count()));
    if (findings_->count() == 0) {
        auto* none = new QListWidgetItem(findings_);
        none->setFlags(Qt::NoItemFlags);
        none->setData(IndexRole, -1);
        none->setData(TitleRole, analysis.is_null() ? tr("Not analysed yet") : tr("No findings"));
    }

    text_->moveCursor(QTextCursor::Start);
    text_->verticalScrollBar()->setValue(0);
    stack_->setCurrentWidget(stack_->widget(1));
}

void InstanceView::highlight(Range r, const QColor& color)
{
    if (!r.valid()) {
        text_->setExtraSelections({});
        return;
    }
    QTextEdit::ExtraSelection sel;
    sel.cursor = QTextCursor(text_->document());
    sel.cursor.setPosition(r.begin);
    sel.cursor.setPosition(r.end, QTextCursor::KeepAnchor);
    sel.format.setBackground(color);
    sel.format.setForeground(Qt::white);
    text_->setExtraSelections({sel});
    // Show the end first, then the beginning, so that as much as fits is visible.
    QTextCursor c(text_->document());
    c.setPosition(r.end);
    text_->setTextCursor(c);
    text_->ensureCursorVisible();
    c.setPosition(r.begin);
    text_->setTextCursor(c);
    text_->ensureCursorVisible();
}

QString InstanceView::highlightedText() const
{
    const auto sels = text_->extraSelections();
    if (sels.isEmpty())
        return {};
    return sels.front().cursor.selectedText();
}

void InstanceView::selectFinding(int index)
{
    for (int row = 0; row < findings_->count(); ++row) {
        QListWidgetItem* item = findings_->item(row);
        if (index >= 0 && item->data(IndexRole).toInt() == index && (item->flags() & Qt::ItemIsEnabled)) {
            findings_->setCurrentItem(item);
            return;
        }
    }
    findings_->setCurrentItem(nullptr);
    if (selectedFinding_ >= 0)
        onFindingChanged(nullptr);
}

void InstanceView::onFindingChanged(QListWidgetItem* current)
{
    const int index = current ? current->data(IndexRole).toInt() : -1;
    if (index >= 0 && std::size_t(index) < findingRanges_.size()) {
        {
            const QSignalBlocker block(gaps_);
            gaps_->setCurrentItem(nullptr);
        }
        highlight(findingRanges_[std::size_t(index)], strongColor(findingTypes_[std::size_t(index)]));
    } else {
        highlight({}, {});
    }
    const int selected = index >= 0 && std::size_t(index) < findingRanges_.size() ? index : -1;
    if (selected == selectedFinding_)
        return;
    selectedFinding_ = selected;
    emit findingSelected(selected);
}

void InstanceView::onGapChanged(QListWidgetItem* current)
{
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
