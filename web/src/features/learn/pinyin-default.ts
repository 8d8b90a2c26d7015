// "Show pinyin by default" is a setting of this device, like the theme: a learner may want it on
// the phone they study with and not on the laptop they work on.
const KEY = 'kuaan.pinyin';

export function pinyinByDefault(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function setPinyinByDefault(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, 'on');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage may be disabled (private mode): the toggle still works per note.
  }
}
