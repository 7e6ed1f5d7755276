// instance_view_shot: the instance view alone on one case of a project, one finding
// selected, saved as a PNG (for docs/screenshots). Run under Xvfb or offscreen.
//
//   instance_view_shot PROJECT CASE RUN FINDING OUT.png [WIDTH HEIGHT]
#include "InstanceView.h"
#include "ProjectStore.h"

#include <QApplication>
#include <QTimer>

#include <iostream>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    if (argc < 6) {
        std::cerr << "usage: instance_view_shot PROJECT CASE RUN FINDING OUT.png [WIDTH HEIGHT]\n";
        return 2;
    }
    std::string error;
    const auto store = rs::ProjectStore::openReadOnly(argv[1], &error);
    if (!store) {
        std::cerr << error << "\n";
        return 1;
    }
    const auto stored = store->loadCase(argv[2], argv[3]);
    if (!stored) {
        std::cerr << "no such case\n";
        return 1;
    }
    rs::InstanceView view;
    view.resize(argc > 7 ? std::atoi(argv[6]) : 1100, argc > 7 ? std::atoi(argv[7]) : 620);
    view.show();
    view.showCase(stored->data, stored->analysis);
    view.selectFinding(std::atoi(argv[4]));
    QTimer::singleShot(500, [&] {
        QApplication::exit(view.grab().save(QString::fromLocal8Bit(argv[5])) ? 0 : 1);
    });
    return app.exec();
}
