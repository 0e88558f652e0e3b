/** Small vulnerable contracts and their safe versions for the confirmation tests. */

export const REENTRANT_BANK = `
pragma solidity ^0.4.24;
contract Bank {
    mapping(address => uint256) public balances;
    function deposit() public payable { balances[msg.sender] += msg.value; }
    function withdraw() public {
        uint256 amount = balances[msg.sender];
        require(msg.sender.call.value(amount)());
        balances[msg.sender] = 0;
    }
}`;

export const SAFE_BANK = `
pragma solidity ^0.8.0;
contract Bank {
    mapping(address => uint256) public balances;
    function deposit() public payable { balances[msg.sender] += msg.value; }
    function withdraw() public {
        uint256 amount = balances[msg.sender];
        balances[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        require(ok);
    }
}`;

export const UNPROTECTED_OWNER = `
pragma solidity ^0.4.24;
contract Vault {
    address public owner;
    constructor() public { owner = msg.sender; }
    function setOwner(address next) public { owner = next; }
    function sweep() public { require(msg.sender == owner); msg.sender.transfer(address(this).balance); }
}`;

export const PROTECTED_OWNER = `
pragma solidity ^0.8.0;
contract Vault {
    address public owner;
    constructor() { owner = msg.sender; }
    modifier onlyOwner() { require(msg.sender == owner); _; }
    function setOwner(address next) public onlyOwner { owner = next; }
    function sweep() public onlyOwner { payable(msg.sender).transfer(address(this).balance); }
}`;

export const TX_ORIGIN_WALLET = `
pragma solidity ^0.4.24;
contract Wallet {
    address public owner;
    constructor() public { owner = msg.sender; }
    function () public payable {}
    function transferTo(address dest, uint256 amount) public {
        require(tx.origin == owner);
        dest.transfer(amount);
    }
}`;

export const OVERFLOW_TOKEN = `
pragma solidity ^0.4.24;
contract Token {
    mapping(address => uint256) public balanceOf;
    constructor() public { balanceOf[msg.sender] = 1000; }
    function transfer(address to, uint256 value) public {
        require(balanceOf[msg.sender] - value >= 0);
        balanceOf[msg.sender] -= value;
        balanceOf[to] += value;
    }
}`;

export const SAFE_MATH_TOKEN = `
pragma solidity ^0.4.24;
library SafeMath {
    function sub(uint256 a, uint256 b) internal pure returns (uint256) { require(b <= a); return a - b; }
    function add(uint256 a, uint256 b) internal pure returns (uint256) { uint256 c = a + b; require(c >= a); return c; }
}
contract Token {
    using SafeMath for uint256;
    mapping(address => uint256) public balanceOf;
    constructor() public { balanceOf[msg.sender] = 1000; }
    function transfer(address to, uint256 value) public {
        balanceOf[msg.sender] = balanceOf[msg.sender].sub(value);
        balanceOf[to] = balanceOf[to].add(value);
    }
}`;

export const UNCHECKED_SEND = `
pragma solidity ^0.4.24;
contract Payout {
    mapping(address => uint256) public credit;
    function deposit() public payable { credit[msg.sender] += msg.value; }
    function withdraw() public {
        uint256 amount = credit[msg.sender];
        credit[msg.sender] = 0;
        msg.sender.send(amount);
    }
}`;

export const CHECKED_SEND = `
pragma solidity ^0.4.24;
contract Payout {
    mapping(address => uint256) public credit;
    function deposit() public payable { credit[msg.sender] += msg.value; }
    function withdraw() public {
        uint256 amount = credit[msg.sender];
        credit[msg.sender] = 0;
        require(msg.sender.send(amount));
    }
}`;

export const TIME_LOTTERY = `
pragma solidity ^0.4.24;
contract Lottery {
    uint256 public wins;
    function play() public payable {
        require(msg.value == 0.1 ether);
        if (now % 15 == 0) { wins += 1; msg.sender.transfer(address(this).balance); }
    }
}`;

export const UNPROTECTED_KILL = `
pragma solidity ^0.4.24;
contract Killable {
    uint256 public pings;
    function ping() public { pings += 1; }
    function kill() public { selfdestruct(msg.sender); }
}`;

export const UINT8_COUNTER = `
pragma solidity ^0.4.24;
contract Counter8 {
    uint8 public count;
    function add(uint8 n) public { count += n; }
}`;

/** Records the time but decides nothing on it. */
export const RECORDS_TIME = `
pragma solidity ^0.8.0;
contract Recorder {
    uint256 public last;
    uint256 public touches;
    function touch() public { last = block.timestamp; touches += 1; }
}`;

/** A failed payment is handled: the amount is kept for the payee to pull later. */
export const HANDLED_CALL = `
pragma solidity ^0.8.0;
contract Payout {
    mapping(address => uint256) public credit;
    mapping(address => uint256) public owed;
    function deposit() public payable { credit[msg.sender] += msg.value; }
    function withdraw() public {
        uint256 amount = credit[msg.sender];
        credit[msg.sender] = 0;
        (bool ok, ) = msg.sender.call{value: amount}("");
        if (!ok) owed[msg.sender] += amount;
    }
}`;

/** HANDLED_CALL without the handling: the failure is dropped after the credit was wiped. */
export const UNHANDLED_CALL = `
pragma solidity ^0.8.0;
contract Payout {
    mapping(address => uint256) public credit;
    mapping(address => uint256) public owed;
    function deposit() public payable { credit[msg.sender] += msg.value; }
    function withdraw() public {
        uint256 amount = credit[msg.sender];
        credit[msg.sender] = 0;
        msg.sender.call{value: amount}("");
    }
}`;

/** Storage of every shape before 0.8 (packed struct with a recorded time, strings, bytes, arrays, uint8), no bug. */
export const REGISTRY = `
pragma solidity ^0.4.24;
contract Registry {
  struct Entry { address who; uint8 level; bool active; uint64 since; }
  Entry[] public entries;
  mapping(address => uint256) public index;
  string public name;
  bytes public blob;
  uint256[] public list;
  uint8 public small;
  int256 public signed;
  function add(uint8 level) public { entries.push(Entry(msg.sender, level, true, uint64(now))); index[msg.sender] = entries.length; }
  function setName(string n) public { name = n; }
  function setBlob(bytes b) public { blob = b; }
  function push(uint256 v) public { list.push(v); }
  function pop() public { require(list.length > 0); list.length--; }
  function deactivate(uint256 i) public { require(i < entries.length && entries[i].who == msg.sender); entries[i].active = false; }
  function bump() public { require(small < 200); small += 1; }
  function setSigned(int256 v) public { signed = v; }
}`;

/** Pays anyone, through `transfer` (2300 gas: no re-entrance), and books after paying. */
export const GIVEAWAY = `
pragma solidity ^0.4.24;
contract Gift {
    uint256 public given;
    function claim() public { require(given < 5); msg.sender.transfer(1 ether); given += 1; }
}`;

/** Anyone can mint. */
export const OPEN_MINT = `
pragma solidity ^0.8.0;
contract Coin {
    mapping(address => uint256) public balanceOf;
    address public owner = msg.sender;
    function mint(address to, uint256 amount) public { balanceOf[to] += amount; }
    function transfer(address to, uint256 amount) public {
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
    }
}`;

/** Only the owner mints; tokens also sell for ether, which is not theft. */
export const OWNER_MINT = `
pragma solidity ^0.8.0;
contract Coin {
    mapping(address => uint256) public balanceOf;
    address public owner = msg.sender;
    function mint(address to, uint256 amount) public { require(msg.sender == owner); balanceOf[to] += amount; }
    function buy() public payable { balanceOf[msg.sender] += msg.value; }
    function transfer(address to, uint256 amount) public {
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
    }
}`;
