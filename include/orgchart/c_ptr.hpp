#pragma once
/// Owners of C library handles (libzip, libxml2, Graphviz, cairo, librsvg, libfyaml): one unique_ptr whose
/// deleter is the library's own free function, so that no reader or writer writes a deleter struct again.
#include <memory>

namespace orgchart {

/// Calls `Free` on the handle it is given (`zip_discard`, `xmlFreeDoc`, `g_object_unref`, ...).
template <auto Free>
struct FreeWith {
  template <typename T>
  void operator()(T* p) const {
    Free(p);
  }
};

/// `CPtr<zip_t, zip_discard>`: the sole owner of a C handle, freed by `Free` when it goes out of scope.
template <typename T, auto Free>
using CPtr = std::unique_ptr<T, FreeWith<Free>>;

}  // namespace orgchart
