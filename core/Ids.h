#pragma once
// Identifiers shared by every layer. A NodeId indexes a concept of the loaded knowledge
// graph; it is only meaningful together with that graph, so anything stored in a project
// file carries names and source keys instead.
#include <cstdint>
#include <limits>

namespace rs {

using NodeId = std::uint32_t;
using RelationId = std::uint16_t;

inline constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();
inline constexpr RelationId kNoRelation = std::numeric_limits<RelationId>::max();

} // namespace rs
