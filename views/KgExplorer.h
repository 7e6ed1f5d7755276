#pragma once
// The KG explorer: search a concept of the loaded knowledge graph (a completer over node
// names, case-insensitive and matching anywhere in the name), see its kind, key, aliases
// and degree, expand its neighbours grouped by relation and direction ("treats →" for
// out-edges, "← presents" for in-edges), walk the graph by double-clicking a neighbour
// (with back/forward history), and list the project's cases whose analysis mentions it.
//
// The completion list is built on first use (the search field gaining focus or being
// typed in), not when a graph is set: Hetionet has 60k names and PrimeKG 130k. Nodes that
// share a name are listed as "name [key]" so each stays reachable.
//
// The graph is shared and immutable; the store must outlive the widget and be used only
// from the widget's thread. Store errors are shown in the cases panel, never thrown into
// Qt's event loop.
#include "KnowledgeGraph.h"
#include "ProjectStore.h"

#include <QString>
#include <QWidget>

#include <memory>
#include <optional>
#include <vector>

class QCompleter;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QStackedWidget;
class QStringListModel;
class QToolButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace rs {

class KgExplorer : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY(KgExplorer)

public:
    static constexpr int kMaxNeighboursShown = 200; // per relation group
    static constexpr int kMaxCasesShown = 200;

    // Object names of the parts, for tests and style sheets.
    static constexpr const char* kSearchField = "conceptSearch";
    static constexpr const char* kBackButton = "backButton";
    static constexpr const char* kForwardButton = "forwardButton";
    static constexpr const char* kHeader = "conceptHeader";
    static constexpr const char* kNeighbourTree = "neighbourTree";
    static constexpr const char* kCasesTitle = "casesTitle";
    static constexpr const char* kCaseList = "caseList";
    static constexpr const char* kEmptyMessage = "emptyMessage";
    static constexpr const char* kLoadButton = "loadButton";

    // Item data of the neighbour tree (column 0).
    enum Role {
        NodeRole = 0x0100 + 1, // child: the neighbour's NodeId (as uint); group: unset
        CountRole,             // group: number of neighbours in the group
        RelationRole,          // group: relation name
        OutgoingRole,          // group: true for out-edges (concept -> neighbour)
    };
    // Item data of the case list: the case row id (qint64).
    static constexpr int CaseIdRole = 0x0100 + 1;

    explicit KgExplorer(QWidget* parent = nullptr);
    ~KgExplorer() override;

    // nullptr: the empty state with a "Load…" button (emits loadRequested). A new graph
    // clears the history and the completion list.
    void setGraph(std::shared_ptr<const KnowledgeGraph> graph);
    const std::shared_ptr<const KnowledgeGraph>& graph() const { return graph_; }
    // nullptr: the cases panel says "No project open".
    void setStore(const ProjectStore* store);
    const ProjectStore* store() const { return store_; }

    // The node shown, nullopt before the first showConcept or after a new graph.
    std::optional<NodeId> currentNode() const;
    QString currentConcept() const; // its name, empty when none

    // The node a name denotes: an exact node name (lowest id among equals), a "name [key]"
    // completion entry, a node key, an alias, then a name equal up to ASCII case.
    std::optional<NodeId> resolve(const QString& text) const;

    bool canGoBack() const { return historyPos_ > 0; }
    bool canGoForward() const { return historyPos_ + 1 < int(history_.size()); }

    bool isShowingEmptyState() const;
    // The completer of the search field; its model is filled by ensureCompletions().
    QCompleter* completer() const { return completer_; }
    // Builds the completion list now if it is not built yet (normally done on first use).
    void ensureCompletions();
    bool hasCompletions() const { return completionsBuilt_; }

public slots:
    // Shows the concept (see resolve) and records it in the history. False, with a note in
    // the header and nothing else changed, when the graph does not know it.
    bool showConcept(const QString& name);
    void showNode(rs::NodeId node);
    void back();
    void forward();
    // Re-reads the cases of the current concept, e.g. after the project changed.
    void refreshCases();

signals:
    void loadRequested();
    void caseActivated(qint64 caseId);
    void conceptShown(const QString& name);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void display(NodeId node); // fills every part, without touching the history
    void navigate(NodeId node);
    void clearConcept(const QString& note = {});
    void fillHeader(NodeId node);
    void fillNeighbours(NodeId node);
    void populateGroup(QTreeWidgetItem* group);
    void fillCases();
    void updateNavButtons();
    void activateNeighbour(QTreeWidgetItem* item);
    void activateCase(QListWidgetItem* item);
    void submitSearch();

    struct Group {
        RelationId relation = kNoRelation;
        bool outgoing = true;
        std::vector<NodeId> nodes;
    };

    std::shared_ptr<const KnowledgeGraph> graph_;
    const ProjectStore* store_ = nullptr;
    std::vector<NodeId> history_;
    int historyPos_ = -1;
    std::vector<Group> groups_; // of the node shown, parallel to the tree's top-level items
    bool completionsBuilt_ = false;

    QStackedWidget* stack_ = nullptr;
    QLabel* emptyMessage_ = nullptr;
    QPushButton* loadButton_ = nullptr;
    QToolButton* backButton_ = nullptr;
    QToolButton* forwardButton_ = nullptr;
    QLineEdit* search_ = nullptr;
    QCompleter* completer_ = nullptr;
    QStringListModel* completionModel_ = nullptr;
    QLabel* header_ = nullptr;
    QTreeWidget* neighbours_ = nullptr;
    QLabel* casesTitle_ = nullptr;
    QListWidget* cases_ = nullptr;
};

} // namespace rs
