from pkg.sub.worker import work

result = work(3)
